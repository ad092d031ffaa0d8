import type { JsonObject } from '../arguments';
import type { ProfilePolicy, RoleDefinition, SecurityProfile, SecurityRole, SecurityUser, UserContent } from './types';

/** A security object as the server returns it. */
export interface RawSecurityObject {
  readonly _id: string;
  readonly _source?: JsonObject;
}

/** A user from the server's `{ _id, _source }`: `profileIds` beside its content, as kuzzle-sdk's `User` has them. */
export function toUser<C extends UserContent>(raw: RawSecurityObject): SecurityUser<C> {
  const source = raw._source ?? {};
  const profileIds = Array.isArray(source['profileIds']) ? (source['profileIds'] as readonly string[]) : [];
  return Object.freeze({ _id: raw._id, _source: source as SecurityUser<C>['_source'], profileIds });
}

/**
 * A profile from the server's `{ _id, _source }`: the `_source` fields next to `_id`, with `policies` and `rateLimit`
 * always there (none and 0 by default), as kuzzle-sdk's `Profile` has them.
 */
export function toProfile(raw: RawSecurityObject): SecurityProfile {
  const source = raw._source ?? {};
  const policies = Array.isArray(source['policies']) ? (source['policies'] as readonly ProfilePolicy[]) : [];
  const rateLimit = typeof source['rateLimit'] === 'number' ? source['rateLimit'] : 0;
  return Object.freeze({ ...source, _id: raw._id, policies, rateLimit });
}

/** A role from the server's `{ _id, _source }`: its id and rights by controller, as kuzzle-sdk's `Role` has them. */
export function toRole(raw: RawSecurityObject): SecurityRole {
  const controllers = (raw._source?.['controllers'] ?? {}) as RoleDefinition['controllers'];
  return Object.freeze({ _id: raw._id, controllers });
}

/** The hits of an `{ hits }` result (`mGetUsers`, ...), each mapped. */
export const mapHits =
  <H>(map: (raw: RawSecurityObject) => H) =>
  (result: { readonly hits: readonly RawSecurityObject[] }): readonly H[] =>
    Object.freeze(result.hits.map(map));
