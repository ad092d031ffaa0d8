import { map, type Observable } from 'rxjs';
import type { JsonObject } from '../arguments';
import { BaseController } from '../base-controller';
import type { SearchResult } from '../search/search-result';
import { mapHits, type RawSecurityObject, toUser } from './mappers';
import type {
  CreateFirstAdminOptions,
  CreateUserOptions,
  SecurityOptions,
  SecuritySearchOptions,
  SecurityScrollOptions,
  SecurityWriteOptions,
  UpdateUserOptions,
} from './options';
import type {
  CreateUserBody,
  DeletedId,
  RestrictedUserBody,
  RightsRequest,
  SecurityRight,
  SecurityScrollPage,
  SecurityUser,
  UpsertUserBody,
  UserContent,
  UserDefinition,
} from './types';

type RawPage = { readonly hits: readonly RawSecurityObject[]; readonly total: number; readonly scrollId?: string };

/**
 * The security controller's user actions. The controller's methods are split by the objects they act on, one layer per
 * file, to keep each short; `SecurityController` is the class to use, and its comment says how they emit and fail.
 */
export abstract class UserActions extends BaseController {
  /**
   * Creates a user with its profiles (and credentials) and emits it once, then completes.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string, `body` or `body.content` not an object, or
   * `body.content.profileIds` not an array of non-empty strings.
   * @throws {KuzzleError} `security.user.already_exists` (412) when a user has this kuid; `security.profile.not_found`
   * (404) when one of the profiles does not exist; `security.credentials.unknown_strategy` (400) when
   * `body.credentials` names a strategy the server lacks; the strategy's own error (no `id`: `local` answers 412
   * `Login "jo" is already used.`), or `security.credentials.rejected` (400), when the strategy refuses the
   * credentials; the user is not created then.
   *
   * @example
   * ```ts
   * type Person = { name: string };
   * kuzzle.security
   *   .createUser<Person>('jo', {
   *     content: { profileIds: ['default'], name: 'Jo' },
   *     credentials: { local: { username: 'jo', password: 's3cret' } },
   *   })
   *   .subscribe((user) => console.log(`created ${user._source.name} (${user._id}) with profiles ${user.profileIds.join(', ')}`));
   * ```
   */
  createUser<C extends UserContent = UserContent>(
    id: string,
    body: CreateUserBody<C>,
    options?: CreateUserOptions,
  ): Observable<SecurityUser<C>> {
    return this.call<RawSecurityObject>('createUser', options, (check) => {
      const _id = check.string('id', id);
      const content = check.object('body.content', check.object('body', body).content);
      check.strings('body.content.profileIds', content.profileIds);
      return { _id, body };
    }).pipe(map((raw) => toUser<C>(raw)));
  }

  /**
   * Creates a user with the server's restricted profiles (`security.restrictedProfileIds`) and emits it once, then
   * completes. `id`: let the server choose a kuid when omitted.
   *
   * @throws {InvalidRequestError} when `body` (or `body.content`, when given) is not an object, or `id` given and not a
   * non-empty string.
   * @throws {KuzzleError} `api.assert.forbidden_argument` (400) when `body.content` holds `profileIds`;
   * `security.user.already_exists` (412) when a user has this kuid; `security.credentials.unknown_strategy` (400), or
   * the strategy's own error, when the credentials are refused.
   */
  createRestrictedUser<C extends UserContent = UserContent>(
    body: RestrictedUserBody<C>,
    id?: string,
    options?: CreateUserOptions,
  ): Observable<SecurityUser<C>> {
    return this.call<RawSecurityObject>('createRestrictedUser', options, (check) => {
      const checked = check.object('body', body);
      return {
        _id: check.optionalString('id', id),
        body: { ...checked, content: check.optionalObject('body.content', checked.content) ?? {} },
      };
    }).pipe(map((raw) => toUser<C>(raw)));
  }

  /**
   * Creates the first administrator, with the `admin` profile, and emits it once, then completes. From then on the
   * anonymous user keeps its rights unless `reset` restricts them.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string, or `body` not an object.
   * @throws {KuzzleError} `api.process.admin_exists` (412) when an administrator exists;
   * `security.credentials.unknown_strategy` (400), or the strategy's own error, when the credentials are refused.
   */
  createFirstAdmin<C extends UserContent = UserContent>(
    id: string,
    body: RestrictedUserBody<C>,
    options?: CreateFirstAdminOptions,
  ): Observable<SecurityUser<C>> {
    return this.call<RawSecurityObject>('createFirstAdmin', options, (check) => ({
      _id: check.string('id', id),
      body: check.object('body', body),
    })).pipe(map((raw) => toUser<C>(raw)));
  }

  /**
   * Emits the user once, then completes.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string.
   * @throws {KuzzleError} `security.user.not_found` (404) when no user has this kuid.
   */
  getUser<C extends UserContent = UserContent>(id: string, options?: SecurityOptions): Observable<SecurityUser<C>> {
    return this.call<RawSecurityObject>('getUser', options, (check) => ({ _id: check.string('id', id) })).pipe(
      map((raw) => toUser<C>(raw)),
    );
  }

  /**
   * Emits the users found among `ids` (the missing ones are left out, not an error) once, then completes.
   *
   * @throws {InvalidRequestError} when `ids` is not an array of non-empty strings.
   */
  mGetUsers<C extends UserContent = UserContent>(
    ids: readonly string[],
    options?: SecurityOptions,
  ): Observable<ReadonlyArray<SecurityUser<C>>> {
    return this.call<{ hits: readonly RawSecurityObject[] }>('mGetUsers', options, (check) => ({
      body: { ids: check.strings('ids', ids) },
    })).pipe(map(mapHits((raw) => toUser<C>(raw))));
  }

  /**
   * Replaces a user's content and profiles and emits the user once, then completes.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string, `content` not an object, or `content.profileIds`
   * not an array of non-empty strings.
   * @throws {KuzzleError} `security.user.not_found` (404) when no user has this kuid; `security.profile.not_found`
   * (404) when one of the profiles does not exist.
   */
  replaceUser<C extends UserContent = UserContent>(
    id: string,
    content: UserDefinition<C>,
    options?: SecurityWriteOptions,
  ): Observable<SecurityUser<C>> {
    return this.call<RawSecurityObject>('replaceUser', options, (check) => {
      const _id = check.string('id', id);
      check.strings('content.profileIds', check.object('content', content).profileIds);
      return { _id, body: content };
    }).pipe(map((raw) => toUser<C>(raw)));
  }

  /**
   * Updates some fields of a user (its profiles too when `profileIds` is given) and emits the user once, then
   * completes. Give `C`, the whole content's type, to type what it emits: it is not inferred from the changes.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string, `content` not an object, or `content.profileIds`
   * given and not an array of non-empty strings.
   * @throws {KuzzleError} `security.user.not_found` (404) when no user has this kuid; `security.profile.not_found`
   * (404) when one of the profiles does not exist.
   */
  updateUser<C extends UserContent = UserContent>(
    id: string,
    content: NoInfer<Partial<UserDefinition<C>>>,
    options?: UpdateUserOptions,
  ): Observable<SecurityUser<C>> {
    return this.call<RawSecurityObject>('updateUser', options, (check) => {
      const _id = check.string('id', id);
      const profileIds = check.object('content', content).profileIds;
      if (profileIds !== undefined) check.strings('content.profileIds', profileIds);
      return { _id, body: content };
    }).pipe(map((raw) => toUser<C>(raw)));
  }

  /**
   * Updates a user, or creates it (with `body.default` under `body.content`) when it does not exist, and emits the user
   * once, then completes. Give `C`, the whole content's type, to type what it emits: it is not inferred from the
   * changes.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string, `body` or `body.content` not an object, or
   * `body.content.profileIds` not an array of non-empty strings.
   * @throws {KuzzleError} `security.profile.not_found` (404) when one of the profiles does not exist; the strategy's
   * own error when the credentials of a created user are refused.
   */
  upsertUser<C extends UserContent = UserContent>(
    id: string,
    body: NoInfer<UpsertUserBody<C>>,
    options?: UpdateUserOptions,
  ): Observable<SecurityUser<C>> {
    return this.call<RawSecurityObject>('upsertUser', options, (check) => {
      const _id = check.string('id', id);
      const content = check.object('body.content', check.object('body', body).content);
      check.strings('body.content.profileIds', content.profileIds);
      return { _id, body };
    }).pipe(map((raw) => toUser<C>(raw)));
  }

  /**
   * Deletes a user (and its credentials) and emits `{ _id }` once, then completes.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string.
   * @throws {KuzzleError} `security.user.not_found` (404) when no user has this kuid.
   */
  deleteUser(id: string, options?: SecurityWriteOptions): Observable<DeletedId> {
    return this.call('deleteUser', options, (check) => ({ _id: check.string('id', id) }));
  }

  /**
   * Deletes users and emits the ids deleted once, then completes.
   *
   * @throws {InvalidRequestError} when `ids` is not an array of non-empty strings.
   * @throws {KuzzleError} `services.storage.incomplete_delete` (206) when some could not be deleted (a missing user,
   * ...): its `errors` say which.
   */
  mDeleteUsers(ids: readonly string[], options?: SecurityWriteOptions): Observable<readonly string[]> {
    return this.call('mDeleteUsers', options, (check) => ({ body: { ids: check.strings('ids', ids) } }));
  }

  /**
   * Searches users (`{ query, sort }`) and emits the first page once, then completes; the page's `next()` fetches the
   * one after (see `SearchResult`).
   *
   * @throws {InvalidRequestError} when `query` is given and is not an object.
   * @throws {KuzzleError} `services.storage.unknown_query_keyword` or `services.storage.invalid_search_query` (400)
   * when the storage refuses the query; `services.storage.scroll_duration_too_great` (400) when `scroll` exceeds the
   * server's maximum.
   */
  searchUsers<C extends UserContent = UserContent>(
    query?: JsonObject,
    options?: SecuritySearchOptions,
  ): Observable<SearchResult<SecurityUser<C>>> {
    return this.paged('searchUsers', options, (check) => ({ body: check.optionalObject('query', query) }), {
      scrollAction: 'scrollUsers',
      mapHit: (raw: RawSecurityObject) => toUser<C>(raw),
    });
  }

  /**
   * Emits the next page of a user search made with `scroll` once (`next()` of its page does this for you), then
   * completes.
   *
   * @throws {InvalidRequestError} when `scrollId` is not a non-empty string.
   * @throws {KuzzleError} `services.storage.unknown_scroll_id` (404) when the cursor is unknown or expired.
   */
  scrollUsers<C extends UserContent = UserContent>(
    scrollId: string,
    options?: SecurityScrollOptions,
  ): Observable<SecurityScrollPage<SecurityUser<C>>> {
    return this.call<RawPage>('scrollUsers', options, (check) => ({ scrollId: check.string('scrollId', scrollId) })).pipe(
      map((page) => Object.freeze({ ...page, hits: mapHits((raw) => toUser<C>(raw))(page) })),
    );
  }

  /**
   * Emits the rights a user has, its profiles' and their roles' merged, once, then completes.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string.
   * @throws {KuzzleError} `security.user.not_found` (404) when no user has this kuid.
   */
  getUserRights(id: string, options?: SecurityOptions): Observable<readonly SecurityRight[]> {
    return this.call<{ hits: readonly SecurityRight[] }>('getUserRights', options, (check) => ({ _id: check.string('id', id) })).pipe(
      map((r) => r.hits),
    );
  }

  /**
   * Emits the authentication strategies a user has credentials for (`['local']`) once, then completes.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string.
   * @throws {KuzzleError} `security.user.not_found` (404) when no user has this kuid.
   */
  getUserStrategies(id: string, options?: SecurityOptions): Observable<readonly string[]> {
    return this.call<{ strategies: readonly string[] }>('getUserStrategies', options, (check) => ({ _id: check.string('id', id) })).pipe(
      map((r) => r.strategies),
    );
  }

  /**
   * Revokes every token of a user (its sessions end; API keys stay); emits `undefined` once done, then completes. A
   * kuid no user has is no error.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string.
   */
  revokeTokens(id: string, options?: SecurityOptions): Observable<void> {
    return this.call('revokeTokens', options, (check) => ({ _id: check.string('id', id) })).pipe(map(() => undefined));
  }

  /**
   * Emits whether the user may run `request` (`{ controller, action, index?, collection?, ... }`) once, then completes.
   *
   * @throws {InvalidRequestError} when `userId` is not a non-empty string, `request` not an object, or its `controller`
   * or `action` not a non-empty string.
   * @throws {KuzzleError} `security.user.not_found` (404) when no user has this kuid.
   */
  checkRights(userId: string, request: RightsRequest, options?: SecurityOptions): Observable<boolean> {
    return this.call<{ allowed: boolean }>('checkRights', options, (check) => {
      const kuid = check.string('userId', userId);
      check.string('request.controller', check.object('request', request).controller);
      check.string('request.action', request.action);
      return { userId: kuid, body: request };
    }).pipe(map((r) => r.allowed));
  }
}
