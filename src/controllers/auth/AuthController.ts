import { map, type Observable } from 'rxjs';
import type { KuzzleClient } from '../../client/KuzzleClient';
import { BaseController, type CallOptions } from '../BaseController';

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
  constructor(private readonly client: KuzzleClient) {
    super(client, 'auth');
  }

  /** Logs in; from then on every request is authenticated. `expiresIn`: '1h', '30s', or milliseconds. */
  login(strategy: string, credentials: Record<string, unknown>, expiresIn?: string | number, options?: CallOptions): Observable<LoginResult> {
    return this.call<LoginResult>('login', options, (check) => ({
      strategy: check.string('strategy', strategy),
      body: check.object('credentials', credentials),
      expiresIn,
    }));
  }

  /** Logs out: the server revokes the token (and clears the cookie in cookie mode). Emits once done. */
  logout(options?: CallOptions): Observable<void> {
    return this.call<unknown>('logout', options).pipe(map(() => undefined));
  }

  /** Checks a token (default: the session's own; in cookie mode, the cookie's). */
  checkToken(token?: string, options?: CallOptions): Observable<CheckTokenResult> {
    const jwt = token ?? this.client.jwt;
    return this.call<CheckTokenResult>('checkToken', options, () => ({ body: jwt === null ? {} : { token: jwt } }));
  }

  /** The user of the session (the anonymous user, `_id: '-1'`, when not logged in). */
  getCurrentUser(options?: CallOptions): Observable<CurrentUser> {
    return this.call<CurrentUser>('getCurrentUser', options);
  }

  /** Renews the session's token (and cookie), extending it past the old one's expiry. */
  refreshToken(expiresIn?: string | number, options?: CallOptions): Observable<LoginResult> {
    return this.call<LoginResult>('refreshToken', options, () => ({ expiresIn }));
  }
}
