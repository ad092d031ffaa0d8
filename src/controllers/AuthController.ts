import { map, type Observable } from 'rxjs';
import type { RequestOptions } from '../client/request';
import { BaseController, type QuerySender } from './BaseController';

/** What `auth.login()` and `auth.refreshToken()` emit. In cookie mode `jwt` is absent: the cookie carries it. */
export interface LoginResult {
  readonly _id: string;
  readonly jwt?: string;
  readonly expiresAt: number;
  readonly ttl: number;
}

/** What `auth.checkToken()` emits. */
export interface CheckTokenResult {
  readonly valid: boolean;
  readonly state?: string;
  readonly expiresAt?: number;
  readonly kuid?: string;
}

/** What `auth.getCurrentUser()` emits. */
export interface CurrentUser {
  readonly _id: string;
  readonly _source: Record<string, unknown>;
  readonly strategies: readonly string[];
}

/** The auth controller. The client keeps the session (token or cookie) up to date on its own. */
export class AuthController extends BaseController {
  constructor(
    sender: QuerySender,
    private readonly currentToken: () => string | null,
  ) {
    super(sender, 'auth');
  }

  /** Logs in; from then on every request is authenticated. `expiresIn`: '1h', '30s', or milliseconds. */
  login(strategy: string, credentials: Record<string, unknown>, expiresIn?: string | number, options?: RequestOptions): Observable<LoginResult> {
    return this.call<LoginResult>('login', { strategy, body: credentials, ...(expiresIn === undefined ? {} : { expiresIn }) }, options);
  }

  /** Logs out: the server revokes the token (and clears the cookie in cookie mode). Emits once done. */
  logout(options?: RequestOptions): Observable<void> {
    return this.call<unknown>('logout', {}, options).pipe(map(() => undefined));
  }

  /** Checks a token (default: the session's own; in cookie mode, the cookie's). */
  checkToken(token?: string, options?: RequestOptions): Observable<CheckTokenResult> {
    const jwt = token ?? this.currentToken();
    return this.call<CheckTokenResult>('checkToken', { body: jwt === null ? {} : { token: jwt } }, options);
  }

  /** The user of the session (the anonymous user, `_id: '-1'`, when not logged in). */
  getCurrentUser(options?: RequestOptions): Observable<CurrentUser> {
    return this.call<CurrentUser>('getCurrentUser', {}, options);
  }

  /** Renews the session's token (and cookie), extending it past the old one's expiry. */
  refreshToken(expiresIn?: string | number, options?: RequestOptions): Observable<LoginResult> {
    return this.call<LoginResult>('refreshToken', expiresIn === undefined ? {} : { expiresIn }, options);
  }
}
