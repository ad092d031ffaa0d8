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
 * The security controller's user actions. The controller's methods are split by the objects they act on, one layer
 * per file, to keep each short; `SecurityController` is the class to use.
 */
export abstract class UserActions extends BaseController {
  /** Creates a user with its profiles (and credentials); emits it. */
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
   * Creates a user with the server's restricted profiles (`security.restrictedProfileIds`); emits it. `id`: let the
   * server choose a kuid when omitted. Errors when `body.content` holds `profileIds`.
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
   * Creates the first administrator, with the `admin` profile; emits it. Errors when an administrator exists. From
   * then on the anonymous user keeps its rights unless `reset` restricts them.
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

  /** Emits the user. */
  getUser<C extends UserContent = UserContent>(id: string, options?: SecurityOptions): Observable<SecurityUser<C>> {
    return this.call<RawSecurityObject>('getUser', options, (check) => ({ _id: check.string('id', id) })).pipe(
      map((raw) => toUser<C>(raw)),
    );
  }

  /** Emits the users found among `ids` (the missing ones are left out). */
  mGetUsers<C extends UserContent = UserContent>(
    ids: readonly string[],
    options?: SecurityOptions,
  ): Observable<ReadonlyArray<SecurityUser<C>>> {
    return this.call<{ hits: readonly RawSecurityObject[] }>('mGetUsers', options, (check) => ({
      body: { ids: check.strings('ids', ids) },
    })).pipe(map(mapHits((raw) => toUser<C>(raw))));
  }

  /** Replaces a user's content and profiles; emits the user. */
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
   * Updates some fields of a user (its profiles too when `profileIds` is given); emits the user. Give `C`, the whole
   * content's type, to type what it emits: it is not inferred from the changes.
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
   * Updates a user, or creates it (with `body.default` under `body.content`) when it does not exist; emits the user.
   * Give `C`, the whole content's type, to type what it emits: it is not inferred from the changes.
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

  /** Deletes a user (and its credentials); emits `{ _id }`. */
  deleteUser(id: string, options?: SecurityWriteOptions): Observable<DeletedId> {
    return this.call('deleteUser', options, (check) => ({ _id: check.string('id', id) }));
  }

  /** Deletes users; emits the ids deleted. Errors with a 206 `KuzzleError` when some could not be. */
  mDeleteUsers(ids: readonly string[], options?: SecurityWriteOptions): Observable<readonly string[]> {
    return this.call('mDeleteUsers', options, (check) => ({ body: { ids: check.strings('ids', ids) } }));
  }

  /** Searches users (`{ query, sort }`); emits the first page, whose `next()` fetches the one after (see `SearchResult`). */
  searchUsers<C extends UserContent = UserContent>(
    query?: JsonObject,
    options?: SecuritySearchOptions,
  ): Observable<SearchResult<SecurityUser<C>>> {
    return this.paged('searchUsers', options, (check) => ({ body: check.optionalObject('query', query) }), {
      scrollAction: 'scrollUsers',
      mapHit: (raw: RawSecurityObject) => toUser<C>(raw),
    });
  }

  /** Emits the next page of a user search made with `scroll` (`next()` of its page does this for you). */
  scrollUsers<C extends UserContent = UserContent>(
    scrollId: string,
    options?: SecurityScrollOptions,
  ): Observable<SecurityScrollPage<SecurityUser<C>>> {
    return this.call<RawPage>('scrollUsers', options, (check) => ({ scrollId: check.string('scrollId', scrollId) })).pipe(
      map((page) => Object.freeze({ ...page, hits: mapHits((raw) => toUser<C>(raw))(page) })),
    );
  }

  /** Emits the rights a user has, its profiles' and their roles' merged. */
  getUserRights(id: string, options?: SecurityOptions): Observable<readonly SecurityRight[]> {
    return this.call<{ hits: readonly SecurityRight[] }>('getUserRights', options, (check) => ({ _id: check.string('id', id) })).pipe(
      map((r) => r.hits),
    );
  }

  /** Emits the authentication strategies a user has credentials for (`['local']`). */
  getUserStrategies(id: string, options?: SecurityOptions): Observable<readonly string[]> {
    return this.call<{ strategies: readonly string[] }>('getUserStrategies', options, (check) => ({ _id: check.string('id', id) })).pipe(
      map((r) => r.strategies),
    );
  }

  /** Revokes every token of a user (its sessions end; API keys stay); emits once done. */
  revokeTokens(id: string, options?: SecurityOptions): Observable<void> {
    return this.call('revokeTokens', options, (check) => ({ _id: check.string('id', id) })).pipe(map(() => undefined));
  }

  /** Emits whether the user may run `request` (`{ controller, action, index?, collection?, ... }`). */
  checkRights(userId: string, request: RightsRequest, options?: SecurityOptions): Observable<boolean> {
    return this.call<{ allowed: boolean }>('checkRights', options, (check) => {
      const kuid = check.string('userId', userId);
      check.string('request.controller', check.object('request', request).controller);
      check.string('request.action', request.action);
      return { userId: kuid, body: request };
    }).pipe(map((r) => r.allowed));
  }
}
