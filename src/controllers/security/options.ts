import type { CallOptions } from '../base-controller';

/** The options of every security action. */
export interface SecurityOptions extends CallOptions {
  /** Trigger the plugins' events and pipes for this request even from an embedded client. @default false */
  readonly triggerEvents?: boolean;
}

/** The options of an action that writes a security object. */
export interface SecurityWriteOptions extends SecurityOptions {
  /** `'wait_for'`: answer once the change is searchable; `'false'`: at once. @default 'wait_for' */
  readonly refresh?: 'wait_for' | 'false';
}

/** The options of `createUser` and `createRestrictedUser`. */
export interface CreateUserOptions extends SecurityWriteOptions {
  /** How the server names a user created without a kuid: `'human'` (`kuid-adjective-name-...`) or `'uuid'`. @default 'human' */
  readonly kuid?: 'human' | 'uuid';
}

/** The options of `createFirstAdmin`. */
export interface CreateFirstAdminOptions extends CreateUserOptions {
  /** Also restrict the rights of the `anonymous` and `default` roles and profiles to the configured ones. @default false */
  readonly reset?: boolean;
}

/** The options of `updateUser` and `upsertUser`. */
export interface UpdateUserOptions extends SecurityWriteOptions {
  /** How many times the server retries the update on a version conflict. @default 10 */
  readonly retryOnConflict?: number;
}

/** The options of `createProfile` and `createOrReplaceProfile`. */
export interface ProfileWriteOptions extends SecurityWriteOptions {
  /** Refuse policies restricted to indexes or collections that do not exist. @default false */
  readonly strict?: boolean;
}

/** The options of `updateProfile`. */
export interface UpdateProfileOptions extends ProfileWriteOptions {
  /** How many times the server retries the update on a version conflict. @default 10 */
  readonly retryOnConflict?: number;
}

/** The options of `deleteProfile`. */
export interface DeleteProfileOptions extends SecurityWriteOptions {
  /**
   * A profile still assigned to users: `'fail'` refuses the deletion, `'remove'` takes it off those users (a user
   * left with no profile gets `anonymous`). @default 'fail'
   */
  readonly onAssignedUsers?: 'fail' | 'remove';
}

/** The options of `createRole` and `createOrReplaceRole`. */
export interface RoleWriteOptions extends SecurityWriteOptions {
  /** Accept rights on controllers or actions the server does not know (yet: a plugin's). @default false */
  readonly force?: boolean;
}

/** The options of `updateRole`. */
export interface UpdateRoleOptions extends RoleWriteOptions {
  /** How many times the server retries the update on a version conflict. @default 10 */
  readonly retryOnConflict?: number;
}

/** The options of `createApiKey`. */
export interface CreateApiKeyOptions extends SecurityWriteOptions {
  /** The API key's id. @default one the server generates */
  readonly _id?: string;
  /** Its lifetime: milliseconds or a duration such as `'1d'`; -1 for never. @default -1 */
  readonly expiresIn?: string | number;
}

/** The options of a search that pages with `from` and `size` only (`searchRoles`, `searchApiKeys`, ...). */
export interface SecurityFromSizeOptions extends SecurityOptions {
  /** How many hits to skip. @default 0 */
  readonly from?: number;
  /** How many hits a page holds. @default the server's `limits.documentsFetchCount` (10000) */
  readonly size?: number;
  /** The query's language: `'elasticsearch'` or `'koncorde'` (filters translated by the server). @default 'elasticsearch' */
  readonly lang?: 'elasticsearch' | 'koncorde';
}

/** The options of `searchUsers` and `searchProfiles`, which can also scroll. */
export interface SecuritySearchOptions extends SecurityFromSizeOptions {
  /** Keep a scroll cursor this long (`'10s'`, `'1m'`) and page with it. @default no scroll */
  readonly scroll?: string;
}

/** The options of `scrollUsers` and `scrollProfiles`. */
export interface SecurityScrollOptions extends SecurityOptions {
  /** Keep the cursor alive this much longer (`'10s'`). @default the time given to the search */
  readonly scroll?: string;
}
