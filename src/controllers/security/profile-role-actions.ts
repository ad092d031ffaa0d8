import { map, type Observable } from 'rxjs';
import type { ArgumentCheck, JsonObject } from '../arguments';
import type { SearchResult } from '../search/search-result';
import { mapHits, type RawSecurityObject, toProfile, toRole } from './mappers';
import type {
  DeleteProfileOptions,
  ProfileWriteOptions,
  RoleWriteOptions,
  SecurityFromSizeOptions,
  SecurityOptions,
  SecuritySearchOptions,
  SecurityScrollOptions,
  SecurityWriteOptions,
  UpdateProfileOptions,
  UpdateRoleOptions,
} from './options';
import type {
  DeletedId,
  ProfileDefinition,
  RoleDefinition,
  SecurityProfile,
  SecurityRight,
  SecurityRole,
  SecurityScrollPage,
} from './types';
import { UserActions } from './user-actions';

type RawPage = { readonly hits: readonly RawSecurityObject[]; readonly total: number; readonly scrollId?: string };

/** A profile's id and definition, checked: `policies` is required. */
const profileArgs = (check: ArgumentCheck, id: string, body: ProfileDefinition) => {
  const _id = check.string('id', id);
  check.array('body.policies', check.object('body', body).policies, (name, policy) =>
    check.string(`${name}.roleId`, check.object(name, policy).roleId),
  );
  return { _id, body };
};

/** A role's id and definition, checked: `controllers` is required. */
const roleArgs = (check: ArgumentCheck, id: string, body: RoleDefinition) => {
  const _id = check.string('id', id);
  check.object('body.controllers', check.object('body', body).controllers);
  return { _id, body };
};

/**
 * The security controller's profile and role actions (see `UserActions`).
 */
export abstract class ProfileRoleActions extends UserActions {
  /**
   * Creates a profile and emits it once, then completes.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string, `body` not an object, or `body.policies` not an
   * array of policies with a non-empty `roleId`.
   * @throws {KuzzleError} `services.storage.document_already_exists` (400) when a profile has this id;
   * `security.role.not_found` (404) when a policy's role does not exist; `services.storage.unknown_index` or
   * `services.storage.unknown_collection` (412) with `strict: true`, when a policy is restricted to an index or
   * collection that does not exist.
   */
  createProfile(id: string, body: ProfileDefinition, options?: ProfileWriteOptions): Observable<SecurityProfile> {
    return this.call<RawSecurityObject>('createProfile', options, (check) => profileArgs(check, id, body)).pipe(map(toProfile));
  }

  /**
   * Creates or replaces a profile and emits it once, then completes.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string, `body` not an object, or `body.policies` not an
   * array of policies with a non-empty `roleId`.
   * @throws {KuzzleError} `security.role.not_found` (404) when a policy's role does not exist;
   * `services.storage.unknown_index` or `services.storage.unknown_collection` (412) with `strict: true`, when a policy
   * is restricted to an index or collection that does not exist.
   */
  createOrReplaceProfile(id: string, body: ProfileDefinition, options?: ProfileWriteOptions): Observable<SecurityProfile> {
    return this.call<RawSecurityObject>('createOrReplaceProfile', options, (check) => profileArgs(check, id, body)).pipe(map(toProfile));
  }

  /**
   * Emits the profile once, then completes.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string.
   * @throws {KuzzleError} `security.profile.not_found` (404) when no profile has this id.
   */
  getProfile(id: string, options?: SecurityOptions): Observable<SecurityProfile> {
    return this.call<RawSecurityObject>('getProfile', options, (check) => ({ _id: check.string('id', id) })).pipe(map(toProfile));
  }

  /**
   * Emits the profiles of `ids` (a user's: `mGetProfiles(user.profileIds)`) once, then completes.
   *
   * @throws {InvalidRequestError} when `ids` is not an array of non-empty strings.
   */
  mGetProfiles(ids: readonly string[], options?: SecurityOptions): Observable<readonly SecurityProfile[]> {
    return this.call<{ hits: readonly RawSecurityObject[] }>('mGetProfiles', options, (check) => ({
      body: { ids: check.strings('ids', ids) },
    })).pipe(map(mapHits(toProfile)));
  }

  /**
   * Updates some fields of a profile and emits it once, then completes.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string, or `body` not an object.
   * @throws {KuzzleError} `security.profile.not_found` (404) when no profile has this id; `security.role.not_found`
   * (404) when a policy's role does not exist.
   */
  updateProfile(id: string, body: Partial<ProfileDefinition>, options?: UpdateProfileOptions): Observable<SecurityProfile> {
    return this.call<RawSecurityObject>('updateProfile', options, (check) => ({
      _id: check.string('id', id),
      body: check.object('body', body),
    })).pipe(map(toProfile));
  }

  /**
   * Deletes a profile and emits `{ _id }` once, then completes.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string.
   * @throws {KuzzleError} `security.profile.not_found` (404) when no profile has this id; `security.profile.in_use`
   * (412) when users still have it, unless `onAssignedUsers: 'remove'`; `security.profile.cannot_delete` (400) for
   * `anonymous`, `default` and `admin`.
   */
  deleteProfile(id: string, options?: DeleteProfileOptions): Observable<DeletedId> {
    return this.call('deleteProfile', options, (check) => ({ _id: check.string('id', id) }));
  }

  /**
   * Deletes profiles and emits the ids deleted once, then completes.
   *
   * @throws {InvalidRequestError} when `ids` is not an array of non-empty strings.
   * @throws {KuzzleError} `services.storage.incomplete_delete` (206) when some could not be deleted: its `errors` say
   * which.
   */
  mDeleteProfiles(ids: readonly string[], options?: SecurityWriteOptions): Observable<readonly string[]> {
    return this.call('mDeleteProfiles', options, (check) => ({ body: { ids: check.strings('ids', ids) } }));
  }

  /**
   * Searches profiles (`{ query, sort }`) and emits the first page once, then completes; the page's `next()` fetches
   * the one after (see `SearchResult`).
   *
   * @throws {InvalidRequestError} when `query` is given and is not an object.
   * @throws {KuzzleError} `services.storage.unknown_query_keyword` or `services.storage.invalid_search_query` (400)
   * when the storage refuses the query.
   */
  searchProfiles(query?: JsonObject, options?: SecuritySearchOptions): Observable<SearchResult<SecurityProfile>> {
    return this.paged('searchProfiles', options, (check) => ({ body: check.optionalObject('query', query) }), {
      scrollAction: 'scrollProfiles',
      mapHit: toProfile,
    });
  }

  /**
   * Emits the next page of a profile search made with `scroll` once (`next()` of its page does this for you), then
   * completes.
   *
   * @throws {InvalidRequestError} when `scrollId` is not a non-empty string.
   * @throws {KuzzleError} `services.storage.unknown_scroll_id` (404) when the cursor is unknown or expired.
   */
  scrollProfiles(scrollId: string, options?: SecurityScrollOptions): Observable<SecurityScrollPage<SecurityProfile>> {
    return this.call<RawPage>('scrollProfiles', options, (check) => ({ scrollId: check.string('scrollId', scrollId) })).pipe(
      map((page) => Object.freeze({ ...page, hits: mapHits(toProfile)(page) })),
    );
  }

  /**
   * Emits the rights a profile gives, its roles' merged, once, then completes.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string.
   * @throws {KuzzleError} `security.profile.not_found` (404) when no profile has this id.
   */
  getProfileRights(id: string, options?: SecurityOptions): Observable<readonly SecurityRight[]> {
    return this.call<{ hits: readonly SecurityRight[] }>('getProfileRights', options, (check) => ({ _id: check.string('id', id) })).pipe(
      map((r) => r.hits),
    );
  }

  /**
   * Creates a role and emits it once, then completes.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string, or `body` or `body.controllers` not an object.
   * @throws {KuzzleError} `services.storage.document_already_exists` (400) when a role has this id;
   * `security.role.unknown_controller` or `security.role.unknown_action` (400) when the rights name a controller or
   * action the server does not know, unless `force: true`.
   */
  createRole(id: string, body: RoleDefinition, options?: RoleWriteOptions): Observable<SecurityRole> {
    return this.call<RawSecurityObject>('createRole', options, (check) => roleArgs(check, id, body)).pipe(map(toRole));
  }

  /**
   * Creates or replaces a role and emits it once, then completes.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string, or `body` or `body.controllers` not an object.
   * @throws {KuzzleError} `security.role.unknown_controller` or `security.role.unknown_action` (400) when the rights
   * name a controller or action the server does not know, unless `force: true`; `security.role.login_required` (400)
   * when the `anonymous` role would lose `auth:login`.
   */
  createOrReplaceRole(id: string, body: RoleDefinition, options?: RoleWriteOptions): Observable<SecurityRole> {
    return this.call<RawSecurityObject>('createOrReplaceRole', options, (check) => roleArgs(check, id, body)).pipe(map(toRole));
  }

  /**
   * Emits the role once, then completes.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string.
   * @throws {KuzzleError} `security.role.not_found` (404) when no role has this id.
   */
  getRole(id: string, options?: SecurityOptions): Observable<SecurityRole> {
    return this.call<RawSecurityObject>('getRole', options, (check) => ({ _id: check.string('id', id) })).pipe(map(toRole));
  }

  /**
   * Emits the roles of `ids` (a profile's: `mGetRoles(profile.policies.map((p) => p.roleId))`) once, then completes.
   *
   * @throws {InvalidRequestError} when `ids` is not an array of non-empty strings.
   */
  mGetRoles(ids: readonly string[], options?: SecurityOptions): Observable<readonly SecurityRole[]> {
    return this.call<{ hits: readonly RawSecurityObject[] }>('mGetRoles', options, (check) => ({
      body: { ids: check.strings('ids', ids) },
    })).pipe(map(mapHits(toRole)));
  }

  /**
   * Updates a role's rights and emits it once, then completes.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string, or `body` not an object.
   * @throws {KuzzleError} `security.role.not_found` (404) when no role has this id; `security.role.unknown_controller`
   * or `security.role.unknown_action` (400) when the rights name a controller or action the server does not know,
   * unless `force: true`.
   */
  updateRole(id: string, body: Partial<RoleDefinition>, options?: UpdateRoleOptions): Observable<SecurityRole> {
    return this.call<RawSecurityObject>('updateRole', options, (check) => ({
      _id: check.string('id', id),
      body: check.object('body', body),
    })).pipe(map(toRole));
  }

  /**
   * Deletes a role and emits `{ _id }` once, then completes.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string.
   * @throws {KuzzleError} `security.role.not_found` (404) when no role has this id; `security.role.in_use` (412) when a
   * profile still uses it; `security.role.cannot_delete` (400) for `anonymous`, `default` and `admin`.
   */
  deleteRole(id: string, options?: SecurityWriteOptions): Observable<DeletedId> {
    return this.call('deleteRole', options, (check) => ({ _id: check.string('id', id) }));
  }

  /**
   * Deletes roles and emits the ids deleted once, then completes.
   *
   * @throws {InvalidRequestError} when `ids` is not an array of non-empty strings.
   * @throws {KuzzleError} `services.storage.incomplete_delete` (206) when some could not be deleted: its `errors` say
   * which.
   */
  mDeleteRoles(ids: readonly string[], options?: SecurityWriteOptions): Observable<readonly string[]> {
    return this.call('mDeleteRoles', options, (check) => ({ body: { ids: check.strings('ids', ids) } }));
  }

  /**
   * Searches roles (`{ controllers }` or `{ query }`) and emits the first page once, then completes; the page's
   * `next()` fetches the one after with `from` and `size` (the server has no scroll for roles).
   *
   * @throws {InvalidRequestError} when `query` is given and is not an object.
   * @throws {KuzzleError} `services.storage.unknown_query_keyword` or `services.storage.invalid_search_query` (400)
   * when the storage refuses the query.
   */
  searchRoles(query?: JsonObject, options?: SecurityFromSizeOptions): Observable<SearchResult<SecurityRole>> {
    return this.paged('searchRoles', options, (check) => ({ body: check.optionalObject('query', query) }), {
      scrollAction: undefined,
      mapHit: toRole,
    });
  }
}
