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

/** The security controller's profile and role actions (see `UserActions`). */
export abstract class ProfileRoleActions extends UserActions {
  /** Creates a profile; emits it. Errors when it exists. */
  createProfile(id: string, body: ProfileDefinition, options?: ProfileWriteOptions): Observable<SecurityProfile> {
    return this.call<RawSecurityObject>('createProfile', options, (check) => profileArgs(check, id, body)).pipe(map(toProfile));
  }

  /** Creates or replaces a profile; emits it. */
  createOrReplaceProfile(id: string, body: ProfileDefinition, options?: ProfileWriteOptions): Observable<SecurityProfile> {
    return this.call<RawSecurityObject>('createOrReplaceProfile', options, (check) => profileArgs(check, id, body)).pipe(map(toProfile));
  }

  /** Emits the profile. */
  getProfile(id: string, options?: SecurityOptions): Observable<SecurityProfile> {
    return this.call<RawSecurityObject>('getProfile', options, (check) => ({ _id: check.string('id', id) })).pipe(map(toProfile));
  }

  /** Emits the profiles of `ids` (a user's: `mGetProfiles(user.profileIds)`). */
  mGetProfiles(ids: readonly string[], options?: SecurityOptions): Observable<readonly SecurityProfile[]> {
    return this.call<{ hits: readonly RawSecurityObject[] }>('mGetProfiles', options, (check) => ({
      body: { ids: check.strings('ids', ids) },
    })).pipe(map(mapHits(toProfile)));
  }

  /** Updates some fields of a profile; emits it. */
  updateProfile(id: string, body: Partial<ProfileDefinition>, options?: UpdateProfileOptions): Observable<SecurityProfile> {
    return this.call<RawSecurityObject>('updateProfile', options, (check) => ({
      _id: check.string('id', id),
      body: check.object('body', body),
    })).pipe(map(toProfile));
  }

  /** Deletes a profile; emits `{ _id }`. Errors when users still have it, unless `onAssignedUsers: 'remove'`. */
  deleteProfile(id: string, options?: DeleteProfileOptions): Observable<DeletedId> {
    return this.call('deleteProfile', options, (check) => ({ _id: check.string('id', id) }));
  }

  /** Deletes profiles; emits the ids deleted. Errors with a 206 `KuzzleError` when some could not be. */
  mDeleteProfiles(ids: readonly string[], options?: SecurityWriteOptions): Observable<readonly string[]> {
    return this.call('mDeleteProfiles', options, (check) => ({ body: { ids: check.strings('ids', ids) } }));
  }

  /** Searches profiles (`{ query, sort }`); emits the first page, whose `next()` fetches the one after (see `SearchResult`). */
  searchProfiles(query?: JsonObject, options?: SecuritySearchOptions): Observable<SearchResult<SecurityProfile>> {
    return this.paged('searchProfiles', options, (check) => ({ body: check.optionalObject('query', query) }), {
      scrollAction: 'scrollProfiles',
      mapHit: toProfile,
    });
  }

  /** Emits the next page of a profile search made with `scroll` (`next()` of its page does this for you). */
  scrollProfiles(scrollId: string, options?: SecurityScrollOptions): Observable<SecurityScrollPage<SecurityProfile>> {
    return this.call<RawPage>('scrollProfiles', options, (check) => ({ scrollId: check.string('scrollId', scrollId) })).pipe(
      map((page) => Object.freeze({ ...page, hits: mapHits(toProfile)(page) })),
    );
  }

  /** Emits the rights a profile gives, its roles' merged. */
  getProfileRights(id: string, options?: SecurityOptions): Observable<readonly SecurityRight[]> {
    return this.call<{ hits: readonly SecurityRight[] }>('getProfileRights', options, (check) => ({ _id: check.string('id', id) })).pipe(
      map((r) => r.hits),
    );
  }

  /** Creates a role; emits it. Errors when it exists. */
  createRole(id: string, body: RoleDefinition, options?: RoleWriteOptions): Observable<SecurityRole> {
    return this.call<RawSecurityObject>('createRole', options, (check) => roleArgs(check, id, body)).pipe(map(toRole));
  }

  /** Creates or replaces a role; emits it. */
  createOrReplaceRole(id: string, body: RoleDefinition, options?: RoleWriteOptions): Observable<SecurityRole> {
    return this.call<RawSecurityObject>('createOrReplaceRole', options, (check) => roleArgs(check, id, body)).pipe(map(toRole));
  }

  /** Emits the role. */
  getRole(id: string, options?: SecurityOptions): Observable<SecurityRole> {
    return this.call<RawSecurityObject>('getRole', options, (check) => ({ _id: check.string('id', id) })).pipe(map(toRole));
  }

  /** Emits the roles of `ids` (a profile's: `mGetRoles(profile.policies.map((p) => p.roleId))`). */
  mGetRoles(ids: readonly string[], options?: SecurityOptions): Observable<readonly SecurityRole[]> {
    return this.call<{ hits: readonly RawSecurityObject[] }>('mGetRoles', options, (check) => ({
      body: { ids: check.strings('ids', ids) },
    })).pipe(map(mapHits(toRole)));
  }

  /** Updates a role's rights; emits it. */
  updateRole(id: string, body: Partial<RoleDefinition>, options?: UpdateRoleOptions): Observable<SecurityRole> {
    return this.call<RawSecurityObject>('updateRole', options, (check) => ({
      _id: check.string('id', id),
      body: check.object('body', body),
    })).pipe(map(toRole));
  }

  /** Deletes a role; emits `{ _id }`. Errors when a profile still uses it. */
  deleteRole(id: string, options?: SecurityWriteOptions): Observable<DeletedId> {
    return this.call('deleteRole', options, (check) => ({ _id: check.string('id', id) }));
  }

  /** Deletes roles; emits the ids deleted. Errors with a 206 `KuzzleError` when some could not be. */
  mDeleteRoles(ids: readonly string[], options?: SecurityWriteOptions): Observable<readonly string[]> {
    return this.call('mDeleteRoles', options, (check) => ({ body: { ids: check.strings('ids', ids) } }));
  }

  /**
   * Searches roles (`{ controllers }` or `{ query }`); emits the first page, whose `next()` fetches the one after with
   * `from` and `size` (the server has no scroll for roles).
   */
  searchRoles(query?: JsonObject, options?: SecurityFromSizeOptions): Observable<SearchResult<SecurityRole>> {
    return this.paged('searchRoles', options, (check) => ({ body: check.optionalObject('query', query) }), {
      scrollAction: undefined,
      mapHit: toRole,
    });
  }
}
