import { map, type Observable } from 'rxjs';
import type { QuerySender } from '../base-controller';
import { CredentialActions } from './credential-actions';
import type { SecurityOptions } from './options';
import type { SecurityCollection, SecurityMapping, SecurityMappingResult } from './types';

/**
 * The security controller: users, profiles, roles, credentials and API keys. Users, profiles and roles are emitted
 * as plain immutable values: `security.mGetProfiles(user.profileIds)` gets a user's profiles,
 * `security.mGetRoles(profile.policies.map((p) => p.roleId))` a profile's roles.
 */
export class SecurityController extends CredentialActions {
  constructor(client: QuerySender) {
    super(client, 'security');
  }

  /** Emits the mapping of the users collection: `{ mapping }`. */
  getUserMapping(options?: SecurityOptions): Observable<SecurityMappingResult> {
    return this.call('getUserMapping', options);
  }

  /** Adds fields to the mapping of the users collection; emits the whole new mapping. */
  updateUserMapping(mapping: SecurityMapping, options?: SecurityOptions): Observable<SecurityMapping> {
    return this.call('updateUserMapping', options, (check) => ({ body: check.object('mapping', mapping) }));
  }

  /** Emits the mapping of the profiles collection: `{ mapping }`. */
  getProfileMapping(options?: SecurityOptions): Observable<SecurityMappingResult> {
    return this.call('getProfileMapping', options);
  }

  /** Adds fields to the mapping of the profiles collection; emits the whole new mapping. */
  updateProfileMapping(mapping: SecurityMapping, options?: SecurityOptions): Observable<SecurityMapping> {
    return this.call('updateProfileMapping', options, (check) => ({ body: check.object('mapping', mapping) }));
  }

  /** Emits the mapping of the roles collection: `{ mapping }`. */
  getRoleMapping(options?: SecurityOptions): Observable<SecurityMappingResult> {
    return this.call('getRoleMapping', options);
  }

  /** Adds fields to the mapping of the roles collection; emits the whole new mapping. */
  updateRoleMapping(mapping: SecurityMapping, options?: SecurityOptions): Observable<SecurityMapping> {
    return this.call('updateRoleMapping', options, (check) => ({ body: check.object('mapping', mapping) }));
  }

  /** Makes the last changes to a security collection searchable now; emits once done. */
  refresh(collection: SecurityCollection, options?: SecurityOptions): Observable<void> {
    return this.call('refresh', options, (check) => ({ collection: check.string('collection', collection) })).pipe(map(() => undefined));
  }

  /**
   * Restricts the `anonymous` and `default` roles and profiles to the rights the server's configuration gives them
   * (by default they have every right); emits once done. Anonymous users lose their rights at once.
   */
  restrictDefaultRights(options?: SecurityOptions): Observable<void> {
    return this.call('restrictDefaultRights', options).pipe(map(() => undefined));
  }
}
