import type { JsonObject, JsonValue } from '../json';

/** A user of the local strategy, as given in the server options. */
export interface EmbeddedUser {
  /** Login name for the `local` strategy. */
  readonly username: string;
  /** Password, compared as plain text. */
  readonly password: string;
  /**
   * Kuzzle user id (kuid).
   * @default the username
   */
  readonly _id?: string;
  /**
   * User content (`_source` minus `_kuzzle_info`).
   * @default { profileIds: ['default'] }
   */
  readonly content?: Record<string, unknown>;
}

export interface UserView {
  readonly _id: string;
  readonly _source: JsonObject;
  readonly strategies: JsonValue;
}

export const ANONYMOUS_ID = '-1';

/** What `auth:getCurrentUser` answers for anonymous, including the real server's odd `strategies: [[]]`. */
const ANONYMOUS: UserView = {
  _id: ANONYMOUS_ID,
  _source: { profileIds: ['anonymous'], name: 'Anonymous' },
  strategies: [[]],
};

interface StoredUser {
  readonly view: UserView;
  readonly username: string;
  readonly password: string;
}

/** The in-memory user base: read-only once the server has started. */
export class UserStore {
  private readonly byId = new Map<string, StoredUser>();
  private readonly byUsername = new Map<string, StoredUser>();

  constructor(users: readonly EmbeddedUser[], createdAt: number) {
    for (const user of users) {
      const _id = user._id ?? user.username;
      const content = JSON.parse(JSON.stringify(user.content ?? {})) as JsonObject;
      const _source: JsonObject = {
        profileIds: content['profileIds'] ?? ['default'],
        ...content,
        _kuzzle_info: { createdAt, updatedAt: null, updater: null },
      };
      const stored: StoredUser = {
        view: { _id, _source, strategies: ['local'] },
        username: user.username,
        password: user.password,
      };
      this.byId.set(_id, stored);
      this.byUsername.set(user.username, stored);
    }
  }

  /** The user a token belongs to; anonymous for `-1`. */
  get(userId: string): UserView | undefined {
    return userId === ANONYMOUS_ID ? ANONYMOUS : this.byId.get(userId)?.view;
  }

  /** The kuid matching local credentials, or undefined when they are wrong. */
  verify(username: string, password: string): string | undefined {
    const user = this.byUsername.get(username);
    return user !== undefined && user.password === password ? user.view._id : undefined;
  }
}
