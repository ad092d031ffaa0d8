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
 * The auth controller. The client keeps the session up to date on its own: in token mode it keeps the token of `login`
 * and `refreshToken` and attaches it to every request, and forgets it on `logout`; in cookie mode (`cookieAuth`)
 * `login`, `logout` and `refreshToken` go over HTTP, where the server sets the cookie, and the socket reopens with it.
 *
 * Every method is queuable and bounded by the client's `requestTimeout` like any other call (kuzzle-sdk makes login,
 * logout and checkToken unqueuable and login and logout endless): pass `{ queuable: false }` or `{ timeout: 0 }` to get
 * that behaviour. Each method emits once, then completes; besides the errors its `@throws` tags name, it can error with
 * those of every request (see `BaseController`). In cookie mode, `login`, `logout` and `refreshToken` also error with
 * `HttpTransportError` when the HTTP call fails before a Kuzzle response is read.
 *
 * @example Log in, then work as that user
 * ```ts
 * kuzzle
 *   .connect()
 *   .pipe(
 *     switchMap(() => kuzzle.auth.login('local', { username: 'jo', password: 's3cret' })),
 *     switchMap(() => kuzzle.auth.getCurrentUser()),
 *   )
 *   .subscribe((user) => console.log(`logged in as ${user._id}, profiles ${user.profileIds.join(', ')}`));
 * ```
 */
export class AuthController extends SelfActions {
  constructor(private readonly client: KuzzleClient) {
    super(client, 'auth');
  }

  /**
   * Logs in with a strategy (`local`: `{ username, password }`) and emits `{ _id, jwt, expiresAt, ttl }` once (no `jwt`
   * in cookie mode), then completes; from then on every request is authenticated. `expiresIn`: `'1h'`, `'30s'`, or
   * milliseconds.
   *
   * @throws {InvalidRequestError} when `strategy` is not a non-empty string, `credentials` not an object, or
   * `expiresIn` neither a string nor a number.
   * @throws {KuzzleError} `plugin.strategy.missing_user` (401) when the `local` strategy refuses the username or
   * password (its message: `wrong username or password`, or `Missing credentials`);
   * `security.credentials.unknown_strategy` (400) when the server has no such strategy;
   * `api.process.too_many_logins_requests` (429) when logins come too fast; `security.token.ttl_exceeded` (400) when
   * `expiresIn` exceeds the server's `security.authToken.maxTTL`; `api.assert.invalid_argument` (400) when it is not a
   * duration the server can read.
   * @throws {HttpTransportError} in cookie mode, when the HTTP call fails.
   *
   * @example
   * ```ts
   * kuzzle.auth
   *   .login('local', { username: 'jo', password: 's3cret' }, '8h')
   *   .pipe(catchError((error: unknown) => (isKuzzleError(error) && error.status === 401 ? of(null) : throwError(() => error))))
   *   .subscribe((session) => console.log(session ? `logged in until ${new Date(session.expiresAt).toISOString()}` : 'wrong credentials'));
   * ```
   */
  login(strategy: string, credentials: JsonObject, expiresIn?: TokenDuration, options?: CallOptions): Observable<LoginResult> {
    return this.call<LoginResult>('login', options, (check) => ({
      strategy: check.string('strategy', strategy),
      body: check.object('credentials', credentials),
      expiresIn: check.optional(expiresIn, (value) => check.scalar('expiresIn', value)),
    }));
  }

  /**
   * Logs out and emits `undefined` once the server revoked the token (and cleared the cookie, in cookie mode), then
   * completes. The client forgets the token either way.
   *
   * @throws {KuzzleError} `security.rights.unauthorized` (401) when the session is not logged in: the anonymous user
   * cannot log out.
   * @throws {HttpTransportError} in cookie mode, when the HTTP call fails.
   *
   * @example
   * ```ts
   * kuzzle.auth.logout({ global: true }).subscribe(() => console.log('logged out, on every device'));
   * ```
   */
  logout(options?: LogoutOptions): Observable<void> {
    return this.call<unknown>('logout', options).pipe(map(() => undefined));
  }

  /**
   * Emits whether a token is valid, and whose it is, once, then completes: `{ valid: true, kuid, expiresAt }`, or
   * `{ valid: false, state }` with the reason. Without `token`: the session's own, that is the token in token mode
   * (none when logged out: the server then answers for the anonymous user, `kuid: '-1'`), and in cookie mode the cookie
   * the socket was opened with (checked by the server, which never shows it).
   *
   * An invalid or expired token is `valid: false`, not an error.
   *
   * @throws {InvalidRequestError} when `token` is given and is not a non-empty string.
   *
   * @example
   * ```ts
   * kuzzle.auth
   *   .checkToken(localStorage.getItem('jwt') ?? undefined)
   *   .subscribe((check) => console.log(check.valid ? `valid for ${check.kuid}` : `invalid: ${check.state}`));
   * ```
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
   * Emits the session's user once, then completes: `{ _id, _source, profileIds, strategies }` (the anonymous user,
   * `_id: '-1'`, when not logged in). `C` types its content.
   *
   * @throws {KuzzleError} `security.token.expired` or `security.token.invalid` (401) when the session's token is no
   * longer valid (see `BaseController`); not logged in is no error, but the anonymous user.
   *
   * @example
   * ```ts
   * type Person = { name: string };
   * kuzzle.auth.getCurrentUser<Person>().subscribe((user) => console.log(user._id === '-1' ? 'anonymous' : user._source.name));
   * ```
   */
  getCurrentUser<C extends UserContent = UserContent>(options?: CallOptions): Observable<CurrentUser<C>> {
    return this.call<{ _id: string; _source?: JsonObject; strategies?: readonly string[] }>('getCurrentUser', options).pipe(
      map((result) => Object.freeze({ ...toUser<C>(result), strategies: result.strategies ?? [] })),
    );
  }

  /**
   * Renews the session's token (and cookie) before it expires and emits `{ _id, jwt, expiresAt, ttl }` once (no `jwt`
   * in cookie mode), then completes; the client uses the new token from then on, and the old one stays valid for the
   * server's grace period (1 s). `refreshToken('1h')` is short for `refreshToken({ expiresIn: '1h' })`.
   *
   * @throws {InvalidRequestError} when `options` is not an object, `expiresIn` neither a string nor a number, or
   * `strategy` not a non-empty string.
   * @throws {KuzzleError} `security.rights.unauthorized` (401) when the session is not logged in;
   * `security.token.refresh_forbidden` (401) when the token cannot be refreshed (an API key's);
   * `security.token.ttl_exceeded` (400) when `expiresIn` exceeds the server's maximum.
   * @throws {HttpTransportError} in cookie mode, when the HTTP call fails.
   *
   * @example Renew the token a minute before it expires, for as long as the session lasts
   * ```ts
   * kuzzle.auth
   *   .login('local', { username: 'jo', password: 's3cret' })
   *   .pipe(
   *     expand((session) => timer(Math.max(0, session.expiresAt - Date.now() - 60_000)).pipe(switchMap(() => kuzzle.auth.refreshToken()))),
   *   )
   *   .subscribe((session) => console.log(`valid until ${new Date(session.expiresAt).toISOString()}`));
   * ```
   */
  refreshToken(options?: RefreshTokenOptions): Observable<LoginResult>;
  /**
   * Renews the session's token for `expiresIn` (`'1h'`, `'30s'`, or milliseconds) and emits
   * `{ _id, jwt, expiresAt, ttl }` once, then completes: short for `refreshToken({ ...options, expiresIn })`.
   *
   * @throws {InvalidRequestError} when `expiresIn` is neither a string nor a number, or `options.strategy` not a
   * non-empty string.
   * @throws {KuzzleError} `security.rights.unauthorized` (401) when the session is not logged in;
   * `security.token.ttl_exceeded` (400) when `expiresIn` exceeds the server's maximum.
   * @throws {HttpTransportError} in cookie mode, when the HTTP call fails.
   *
   * @example
   * ```ts
   * kuzzle.auth.refreshToken('2h').subscribe((session) => console.log(`valid until ${new Date(session.expiresAt).toISOString()}`));
   * ```
   */
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
