import type { CallOptions } from '../base-controller';

/** How long a token lives: milliseconds, or a duration the server reads with `ms` (`'1h'`, `'30s'`, `'7d'`). */
export type TokenDuration = string | number;

/** Options of `auth.logout()`. */
export interface LogoutOptions extends CallOptions {
  /** Also revoke every other token of the user (its API keys stay valid). @default false */
  readonly global?: boolean;
}

/** Options of `auth.refreshToken()`. */
export interface RefreshTokenOptions extends CallOptions {
  /** How long the new token lives. @default the server's `security.authToken.expiresIn` (1h) */
  readonly expiresIn?: TokenDuration;
  /**
   * The strategy the session was opened with, when it is not `local`: the server asks that strategy whether the
   * session may be renewed (and for how long). Kuzzle 2.51 and later.
   * @default undefined (no strategy is asked)
   */
  readonly strategy?: string;
}

/** Options of `auth.createToken()`. */
export interface CreateTokenOptions extends CallOptions {
  /** How long the token lives; it cannot be infinite (an API key can). @default the server's `security.authToken.expiresIn` (1h) */
  readonly expiresIn?: TokenDuration;
  /** The token authenticates one request only. @default false */
  readonly singleUse?: boolean;
}

/** Options of `auth.createApiKey()`. */
export interface AuthCreateApiKeyOptions extends CallOptions {
  /** The key's id. @default a fingerprint of the token */
  readonly _id?: string;
  /** How long the key lives; -1 for ever. @default -1 */
  readonly expiresIn?: TokenDuration;
  /** `'wait_for'`: answer once the key is searchable; `'false'`: at once. @default 'wait_for' */
  readonly refresh?: 'wait_for' | 'false';
}

/** Options of `auth.deleteApiKey()`. */
export interface AuthDeleteApiKeyOptions extends CallOptions {
  /** `'wait_for'`: answer once the deletion is visible to searches. @default 'false' */
  readonly refresh?: 'wait_for' | 'false';
}

/** Options of `auth.searchApiKeys()`. */
export interface AuthSearchApiKeysOptions extends CallOptions {
  /** How many hits to skip. @default 0 */
  readonly from?: number;
  /** How many hits a page holds; set it to page with `next()`. @default 10 */
  readonly size?: number;
  /** The query's language. @default 'elasticsearch' */
  readonly lang?: 'elasticsearch' | 'koncorde';
}

/** Options of `auth.updateSelf()`. */
export interface UpdateSelfOptions extends CallOptions {
  /** `'wait_for'`: answer once the change is searchable; `'false'`: at once. @default 'wait_for' */
  readonly refresh?: 'wait_for' | 'false';
  /** How many times the server retries the update on a version conflict. @default 10 */
  readonly retryOnConflict?: number;
}
