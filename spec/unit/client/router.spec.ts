import { cold, getTestScheduler, hot } from 'jasmine-marbles';
import { lastValueFrom, of } from 'rxjs';
import type { Kuzzle } from '../../../src/client/kuzzle';
import { isCookieAction, split } from '../../../src/client/router';
import type { FetchInitLike, FetchResponseLike } from '../../../src/http/fetch';
import { clientHarness } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';

// jasmine-marbles: a fresh TestScheduler per test, one frame = 10 virtual ms.
describe('split', () => {
  it('sends each value to one branch by the predicate and merges what both emit', () => {
    const source = hot('-a--b--c|', { a: 1, b: 2, c: 3 });
    const routed = source.pipe(
      split(
        (n: number) => n % 2 === 1,
        (n) => cold('--x|', { x: `odd ${n}` }),
        (n) => cold('y|', { y: `even ${n}` }),
      ),
    );

    expect(routed).toBeObservable(cold('---ab----c|', { a: 'odd 1', b: 'even 2', c: 'odd 3' }));
  });

  it('calls the predicate once per value and subscribes to the chosen branch only', () => {
    const whenTrue = cold('a|', { a: 'http' });
    const whenFalse = cold('b|', { b: 'ws' });
    const seen: string[] = [];
    const routed = hot('-t-f-|', { t: 'login', f: 'now' }).pipe(
      split(
        (action: string) => {
          seen.push(action);
          return action === 'login';
        },
        () => whenTrue,
        () => whenFalse,
      ),
    );

    expect(routed).toBeObservable(cold('-a-b-|', { a: 'http', b: 'ws' }));
    expect(whenTrue).toHaveSubscriptions('-^!');
    expect(whenFalse).toHaveSubscriptions('---^!');
    expect(seen).toEqual(['login', 'now']);
  });

  it('keeps a slow branch running while the other answers', () => {
    const routed = hot('-s-f|', { s: 'slow', f: 'fast' }).pipe(
      split(
        (kind: string) => kind === 'slow',
        () => cold('----s|', { s: 'slow done' }),
        () => cold('f|', { f: 'fast done' }),
      ),
    );

    expect(routed).toBeObservable(cold('---f-s|', { s: 'slow done', f: 'fast done' }));
  });

  it('propagates an error of either branch', () => {
    const routed = hot('-a-b|', { a: 1, b: 2 }).pipe(
      split(
        (n: number) => n === 2,
        () => cold('#', undefined, new Error('HTTP down')),
        (n) => of(n * 10),
      ),
    );

    expect(routed).toBeObservable(cold('-a-#', { a: 10 }, new Error('HTTP down')));
  });

  it('is lazy: nothing is routed before subscription', () => {
    const predicate = vi.fn(() => true);
    of(1).pipe(
      split(
        predicate,
        () => of(1),
        () => of(2),
      ),
    );
    expect(predicate).not.toHaveBeenCalled();
  });
});

describe('isCookieAction', () => {
  it.each(['login', 'logout', 'refreshToken'])('routes auth:%s to HTTP (only an HTTP response can set the cookie)', (action) => {
    expect(isCookieAction({ controller: 'auth', action })).toBe(true);
  });

  it.each([
    ['auth', 'checkToken'],
    ['auth', 'getCurrentUser'],
    ['server', 'login'],
    ['document', 'create'],
  ])('keeps %s:%s on the WebSocket', (controller, action) => {
    expect(isCookieAction({ controller, action })).toBe(false);
  });
});

describe('Kuzzle routing', () => {
  beforeEach(() => FakeWebSocket.reset());

  /** A client on jasmine-marbles' scheduler, connected. */
  function client(cookieAuth: boolean, fetch: (url: string, init: FetchInitLike) => Promise<FetchResponseLike>): Kuzzle {
    const { kuzzle, connect } = clientHarness({
      scheduler: getTestScheduler(),
      fixedBackoff: false,
      sequentialIds: false,
      kuzzle: { cookieAuth, fetch },
    });
    connect();
    return kuzzle;
  }

  it('sends login on the WebSocket in token mode', () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no HTTP expected')));
    const kuzzle = client(false, fetch);
    kuzzle.auth.login('local', { username: 'admin', password: 'password' }).subscribe();

    expect(FakeWebSocket.last.lastRequest).toMatchObject({ controller: 'auth', action: 'login' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends login over HTTP in cookie mode, then reopens the socket so its handshake carries the cookie', async () => {
    const calls: { url: string; init: FetchInitLike }[] = [];
    const fetch = (url: string, init: FetchInitLike): Promise<FetchResponseLike> => {
      calls.push({ url, init });
      return Promise.resolve({
        status: 200,
        headers: {
          get: () => null,
          getSetCookie: () => ['authToken=kauth-cookie; Path=/; HttpOnly; SameSite=Strict'],
        },
        text: () =>
          Promise.resolve(
            JSON.stringify({
              status: 200,
              error: null,
              controller: 'auth',
              action: 'login',
              requestId: 'x',
              volatile: null,
              result: { _id: 'admin', expiresAt: 1, ttl: 1 },
            }),
          ),
      });
    };
    const kuzzle = client(true, fetch);
    const first = FakeWebSocket.last;
    // The server accepts the new handshake a moment later.
    FakeWebSocket.onConstruct = (socket) => queueMicrotask(() => socket.open());
    const states: string[] = [];
    kuzzle.state$.subscribe((state) => states.push(state));

    const result = await lastValueFrom(kuzzle.auth.login('local', { username: 'admin', password: 'password' }));

    // login() emits only once the new socket is open and the client ready again.
    expect(states).toEqual(['connected', 'reconnecting', 'connected']);

    expect(result).toEqual({ _id: 'admin', expiresAt: 1, ttl: 1 });
    expect(first.requests).toEqual([]);
    expect(first.closedWith).toEqual({ code: 1000, reason: 'reopen' });
    expect(calls.map((call) => `${call.init.method} ${call.url}`)).toEqual(['POST http://localhost:7512/_login/local?cookieAuth=true']);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(FakeWebSocket.last.headers).toEqual({ cookie: 'authToken=kauth-cookie' });
    expect(kuzzle.jwt).toBeNull();
  });
});
