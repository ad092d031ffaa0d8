import { map, type Observable } from 'rxjs';
import type { KuzzleClient } from '../../client/kuzzle-client';
import type { JsonObject } from '../arguments';
import type { CallOptions } from '../base-controller';
import { toUser } from '../security/mappers';
import type { UserContent } from '../security/types';
import type { TokenDuration, LogoutOptions, RefreshTokenOptions } from './options';
import { SelfActions } from './self-actions';
import type { CheckTokenResult, CurrentUser, LoginResult } from './types';

export type { CheckTokenResult, CurrentUser, LoginResult } from './types';

/**
 * The auth controller. The client keeps the session up to date on its own: in token mode it keeps the token of
 * `login` and `refreshToken` and attaches it to every request, and forgets it on `logout`; in cookie mode (`cookieAuth`)
 * `login`, `logout` and `refreshToken` go over HTTP, where the server sets the cookie, and the socket reopens with it.
 *
 * Every method is queuable and bounded by the client's `requestTimeout` like any other call (kuzzle-sdk makes login,
 * logout and checkToken unqueuable and login and logout endless): pass `{ queuable: false }` or `{ timeout: 0 }` to
 * get that behaviour.
 */
export class AuthController extends SelfActions {
  constructor(private readonly client: KuzzleClient) {
    super(client, 'auth');
  }

  /**
   * Logs in with a strategy (`local`: `{ username, password }`); from then on every request is authenticated. Emits
   * `{ _id, jwt, expiresAt, ttl }` (no `jwt` in cookie mode). `expiresIn`: `'1h'`, `'30s'`, or milliseconds.
   */
  login(strategy: string, credentials: JsonObject, expiresIn?: TokenDuration, options?: CallOptions): Observable<LoginResult> {
    return this.call<LoginResult>('login', options, (check) => ({
      strategy: check.string('strategy', strategy),
      body: check.object('credentials', credentials),
      expiresIn: check.optional(expiresIn, (value) => check.scalar('expiresIn', value)),
    }));
  }

  /** Logs out: the server revokes the token (and clears the cookie in cookie mode). Emits `undefined` once done. */
  logout(options?: LogoutOptions): Observable<void> {
    return this.call<unknown>('logout', options).pipe(map(() => undefined));
  }

  /**
   * Emits whether a token is valid, and whose it is. Without `token`: the session's own, that is the token in token
   * mode (none when logged out: the server then answers for the anonymous user, `kuid: '-1'`), and in cookie mode the
   * cookie the socket was opened with (checked by the server, which never shows it).
   */
  checkToken(token?: string, options?: CallOptions): Observable<CheckTokenResult> {
    return this.call<CheckTokenResult>('checkToken', options, (check) => {
      const given = check.optionalString('token', token);
      if (given !== undefined) return { body: { token: given } };
      // Without the flag the server checks the body's token, and with none answers for the anonymous user.
      if (this.client.options.cookieAuth) return { cookieAuth: true, body: {} };
      const jwt = this.client.jwt;
      return { body: jwt === null ? {} : { token: jwt } };
    });
  }

  /**
   * Emits the session's user: `{ _id, _source, profileIds, strategies }` (the anonymous user, `_id: '-1'`, when not
   * logged in). `C` types its content.
   */
  getCurrentUser<C extends UserContent = UserContent>(options?: CallOptions): Observable<CurrentUser<C>> {
    return this.call<{ _id: string; _source?: JsonObject; strategies?: readonly string[] }>('getCurrentUser', options).pipe(
      map((result) => Object.freeze({ ...toUser<C>(result), strategies: result.strategies ?? [] })),
    );
  }

  /**
   * Renews the session's token (and cookie) before it expires; the old one stays valid for the server's grace period
   * (1 s). Emits `{ _id, jwt, expiresAt, ttl }` (no `jwt` in cookie mode). `refreshToken('1h')` is short for
   * `refreshToken({ expiresIn: '1h' })`.
   */
  refreshToken(options?: RefreshTokenOptions): Observable<LoginResult>;
  refreshToken(expiresIn: TokenDuration, options?: RefreshTokenOptions): Observable<LoginResult>;
  refreshToken(first?: RefreshTokenOptions | TokenDuration, second?: RefreshTokenOptions): Observable<LoginResult> {
    const shorthand = typeof first === 'string' || typeof first === 'number';
    const options = shorthand ? { ...second, expiresIn: first } : first;
    return this.call<LoginResult>('refreshToken', options, (check) => {
      if (!shorthand) check.optionalObject('options', first);
      check.optional(options?.expiresIn, (value) => check.scalar('expiresIn', value));
      check.optionalString('strategy', options?.strategy);
      return {};
    });
  }
}
