import type { JsonObject } from '../arguments';

/** A user's content, as stored in its `_source` (besides `profileIds`). */
export type UserContent = Record<string, unknown>;

/** A user: its kuid, its content and its profiles. A plain immutable value. */
export interface SecurityUser<C extends UserContent = UserContent> {
  /** The kuid (Kuzzle user id). */
  readonly _id: string;
  /** The user's content, with its profiles (and Kuzzle's metadata, `_kuzzle_info`). */
  readonly _source: C & { readonly profileIds: readonly string[] };
  /** The ids of the user's profiles: `_source.profileIds`, or none. */
  readonly profileIds: readonly string[];
}

/** What a user is created or replaced with: its content, with the profiles it has. */
export type UserDefinition<C extends UserContent = UserContent> = C & { readonly profileIds: readonly string[] };

/** The body of `createUser`: the user's content and, optionally, its credentials by strategy. */
export interface CreateUserBody<C extends UserContent = UserContent> {
  readonly content: UserDefinition<C>;
  /** Credentials by strategy: `{ local: { username, password } }`. */
  readonly credentials?: Readonly<Record<string, JsonObject>>;
}

/** The body of `createRestrictedUser` and `createFirstAdmin`: the server sets the profiles itself. */
export interface RestrictedUserBody<C extends UserContent = UserContent> {
  /** The user's content; it must not hold `profileIds`. @default {} */
  readonly content?: C;
  /** Credentials by strategy: `{ local: { username, password } }`. */
  readonly credentials?: Readonly<Record<string, JsonObject>>;
}

/** The body of `upsertUser`: the changes, and what a created user gets on top of them. */
export interface UpsertUserBody<C extends UserContent = UserContent> {
  /** The fields to set (on creation as on update), profiles included. */
  readonly content: UserDefinition<Partial<C>>;
  /** Credentials by strategy, used when the user is created. */
  readonly credentials?: Readonly<Record<string, JsonObject>>;
  /** Fields a created user gets besides `content` (which wins over them). */
  readonly default?: Partial<C>;
}

/** Restricts a profile's role to some indexes, or to some collections of an index. */
export interface PolicyRestriction {
  readonly index: string;
  readonly collections?: readonly string[];
}

/** A profile's policy: a role, applied everywhere or where `restrictedTo` says. */
export interface ProfilePolicy {
  readonly roleId: string;
  readonly restrictedTo?: readonly PolicyRestriction[];
}

/** What a profile is created or replaced with. */
export interface ProfileDefinition {
  readonly policies: readonly ProfilePolicy[];
  /** Requests per second a user of this profile may send; 0 is no limit. @default 0 */
  readonly rateLimit?: number;
  readonly [field: string]: unknown;
}

/**
 * A profile: its id, policies and rate limit, and the other fields of its `_source` (`optimizedPolicies`,
 * `_kuzzle_info`, ...) beside them. A plain immutable value.
 */
export interface SecurityProfile {
  readonly _id: string;
  readonly policies: readonly ProfilePolicy[];
  /** Requests per second; 0 is no limit. */
  readonly rateLimit: number;
  readonly [field: string]: unknown;
}

/** The actions of a controller a role allows: `true`, `false`, or a closure string. */
export interface RoleControllerRights {
  readonly actions: Readonly<Record<string, boolean | string>>;
}

/** What a role is created or replaced with: rights by controller (`'*'` for all). */
export interface RoleDefinition {
  readonly controllers: Readonly<Record<string, RoleControllerRights>>;
  readonly [field: string]: unknown;
}

/** A role: its id and its rights by controller. A plain immutable value. */
export interface SecurityRole {
  readonly _id: string;
  readonly controllers: Readonly<Record<string, RoleControllerRights>>;
}

/** One right of a user or a profile, as `getUserRights` and `getProfileRights` list them. */
export interface SecurityRight {
  readonly controller: string;
  readonly action: string;
  readonly index: string;
  readonly collection: string;
  readonly value: 'allowed' | 'denied' | 'conditional';
}

/** An API key: an authentication token of a user, with its description and expiry. */
export interface ApiKey {
  readonly _id: string;
  readonly _source: {
    readonly userId: string;
    readonly description: string;
    /** Expiry in epoch milliseconds, -1 for never. */
    readonly expiresAt: number;
    /** Time to live in milliseconds, -1 for never. */
    readonly ttl: number;
    readonly fingerprint: string;
    /** The token itself: only in what `createApiKey` emits, the server does not keep it. */
    readonly token?: string;
    readonly [field: string]: unknown;
  };
}

/** The fields of each strategy's credentials: `{ local: ['username', 'password'] }`. */
export type CredentialFields = Readonly<Record<string, readonly string[]>>;

/** A user's credentials for one strategy, as the strategy shows them (`{ username, kuid }` for `local`). */
export type Credentials = Readonly<JsonObject>;

/** What `searchUsersByCredentials` emits: the strategy's matches (`{ kuid, username }` for `local`). */
export interface CredentialsSearchResult {
  readonly hits: readonly Credentials[];
  readonly total: number;
}

/** A page of a scroll (`scrollUsers`, `scrollProfiles`): its hits and the cursor to the next. */
export interface SecurityScrollPage<H> {
  readonly hits: readonly H[];
  readonly total: number;
  readonly scrollId?: string;
}

/** What the mapping getters emit: the security collection's field mapping. */
export interface SecurityMappingResult {
  readonly mapping: JsonObject;
}

/** A security collection's mapping, as the mapping updates take it and emit it. */
export interface SecurityMapping {
  readonly dynamic?: boolean | 'true' | 'false' | 'strict';
  readonly properties?: JsonObject;
  readonly [field: string]: unknown;
}

/** What a single delete emits: the id of the deleted object. */
export interface DeletedId {
  readonly _id: string;
}

/** The three collections of security objects (`security.refresh`). */
export type SecurityCollection = 'users' | 'profiles' | 'roles';

/** A request to check a user's rights on (`checkRights`): at least `controller` and `action`. */
export interface RightsRequest {
  readonly controller: string;
  readonly action: string;
  readonly index?: string;
  readonly collection?: string;
  readonly [argument: string]: unknown;
}
