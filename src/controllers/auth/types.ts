import type { SecurityUser, UserContent } from '../security/types';

/**
 * What `auth.login()` and `auth.refreshToken()` emit: the session's user, its token and when it expires. In cookie
 * mode `jwt` is absent: the cookie carries the token, which is never exposed.
 */
export interface LoginResult {
  /** The kuid of the logged-in user. */
  readonly _id: string;
  /** The token (token mode only); the client attaches it to every later request by itself. */
  readonly jwt?: string;
  /** When the token expires, in epoch milliseconds. */
  readonly expiresAt: number;
  /** How long the token lives, in milliseconds. */
  readonly ttl: number;
}

/** What `auth.checkToken()` emits: whether the token is valid and, if so, whose it is; if not, why. */
export interface CheckTokenResult {
  readonly valid: boolean;
  /** Why the token is not valid (`'Invalid token.'`, ...): only when `valid` is false. */
  readonly state?: string;
  /** When the token expires, in epoch milliseconds (`null` for the anonymous user's): only when `valid` is true. */
  readonly expiresAt?: number | null;
  /** The kuid the token belongs to (`'-1'`: the anonymous user): only when `valid` is true. */
  readonly kuid?: string;
}

/** What `auth.getCurrentUser()` emits: the session's user, and the strategies it has credentials for. */
export interface CurrentUser<C extends UserContent = UserContent> extends SecurityUser<C> {
  /** The strategies the user can log in with (`['local']`); none for the anonymous user. */
  readonly strategies: readonly string[];
}

/** What `auth.createToken()` emits: a token for the current user, besides the session's own. */
export interface CreatedToken {
  /** The token: send it as a request's `jwt`, or as `Authorization: Bearer <token>` over HTTP. */
  readonly token: string;
  /** When it expires, in epoch milliseconds. */
  readonly expiresAt: number;
  /** How long it lives, in milliseconds. */
  readonly ttl: number;
  /** Whether it can authenticate one request only. */
  readonly singleUse: boolean;
}
