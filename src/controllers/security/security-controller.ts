import { map, type Observable } from 'rxjs';
import type { QuerySender } from '../base-controller';
import { CredentialActions } from './credential-actions';
import type { SecurityOptions } from './options';
import type { SecurityCollection, SecurityMapping, SecurityMappingResult } from './types';

/**
 * The security controller: users, profiles, roles, credentials and API keys. Users, profiles and roles are emitted as
 * plain immutable values: `security.mGetProfiles(user.profileIds)` gets a user's profiles,
 * `security.mGetRoles(profile.policies.map((p) => p.roleId))` a profile's roles. Each method emits once, then
 * completes; besides the errors its `@throws` tags name, it can error with those of every request (see
 * `BaseController`).
 *
 * @example A role, a profile with it, and a user with that profile
 * ```ts
 * kuzzle.security
 *   .createOrReplaceRole('order-reader', { controllers: { document: { actions: { get: true, search: true } } } })
 *   .pipe(
 *     switchMap((role) =>
 *       kuzzle.security.createOrReplaceProfile('clerk', { policies: [{ roleId: role._id, restrictedTo: [{ index: 'shop' }] }] }),
 *     ),
 *     switchMap((profile) =>
 *       kuzzle.security.createUser('jo', {
 *         content: { profileIds: [profile._id] },
 *         credentials: { local: { username: 'jo', password: 's3cret' } },
 *       }),
 *     ),
 *   )
 *   .subscribe((user) => console.log(`${user._id} can read the orders`));
 * ```
 */
export class SecurityController extends CredentialActions {
  constructor(client: QuerySender) {
    super(client, 'security');
  }

  /**
   * Emits the mapping of the users collection (`{ mapping }`) once, then completes.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `security:getUserMapping`; the
   * action has no error of its own.
   */
  getUserMapping(options?: SecurityOptions): Observable<SecurityMappingResult> {
    return this.call('getUserMapping', options);
  }

  /**
   * Adds fields to the mapping of the users collection and emits the whole new mapping once, then completes.
   *
   * @throws {InvalidRequestError} when `mapping` is not an object.
   * @throws {KuzzleError} `services.storage.cannot_change_mapping` (400) when a field's type would change;
   * `services.storage.invalid_mapping` or `services.storage.invalid_mapping_type` (400) when the mapping is not valid.
   */
  updateUserMapping(mapping: SecurityMapping, options?: SecurityOptions): Observable<SecurityMapping> {
    return this.call('updateUserMapping', options, (check) => ({ body: check.object('mapping', mapping) }));
  }

  /**
   * Emits the mapping of the profiles collection (`{ mapping }`) once, then completes.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `security:getProfileMapping`; the
   * action has no error of its own.
   */
  getProfileMapping(options?: SecurityOptions): Observable<SecurityMappingResult> {
    return this.call('getProfileMapping', options);
  }

  /**
   * Adds fields to the mapping of the profiles collection and emits the whole new mapping once, then completes.
   *
   * @throws {InvalidRequestError} when `mapping` is not an object.
   * @throws {KuzzleError} `services.storage.cannot_change_mapping` (400) when a field's type would change;
   * `services.storage.invalid_mapping` or `services.storage.invalid_mapping_type` (400) when the mapping is not valid.
   */
  updateProfileMapping(mapping: SecurityMapping, options?: SecurityOptions): Observable<SecurityMapping> {
    return this.call('updateProfileMapping', options, (check) => ({ body: check.object('mapping', mapping) }));
  }

  /**
   * Emits the mapping of the roles collection (`{ mapping }`) once, then completes.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `security:getRoleMapping`; the
   * action has no error of its own.
   */
  getRoleMapping(options?: SecurityOptions): Observable<SecurityMappingResult> {
    return this.call('getRoleMapping', options);
  }

  /**
   * Adds fields to the mapping of the roles collection and emits the whole new mapping once, then completes.
   *
   * @throws {InvalidRequestError} when `mapping` is not an object.
   * @throws {KuzzleError} `services.storage.cannot_change_mapping` (400) when a field's type would change;
   * `services.storage.invalid_mapping` or `services.storage.invalid_mapping_type` (400) when the mapping is not valid.
   */
  updateRoleMapping(mapping: SecurityMapping, options?: SecurityOptions): Observable<SecurityMapping> {
    return this.call('updateRoleMapping', options, (check) => ({ body: check.object('mapping', mapping) }));
  }

  /**
   * Makes the last changes to a security collection searchable now; emits `undefined` once done, then completes.
   *
   * @throws {InvalidRequestError} when `collection` is not a non-empty string.
   * @throws {KuzzleError} `api.assert.unexpected_argument` (400) when `collection` is not `users`, `profiles` or
   * `roles`.
   */
  refresh(collection: SecurityCollection, options?: SecurityOptions): Observable<void> {
    return this.call('refresh', options, (check) => ({ collection: check.string('collection', collection) })).pipe(map(() => undefined));
  }

  /**
   * Restricts the `anonymous` and `default` roles and profiles to the rights the server's configuration gives them (by
   * default they have every right); emits `undefined` once done, then completes. Anonymous users lose their rights at
   * once.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `security:restrictDefaultRights`;
   * the action has no error of its own.
   */
  restrictDefaultRights(options?: SecurityOptions): Observable<void> {
    return this.call('restrictDefaultRights', options).pipe(map(() => undefined));
  }
}
