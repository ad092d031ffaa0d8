import { cold, getTestScheduler, hot } from 'jasmine-marbles';
import { finalize, lastValueFrom, map, of } from 'rxjs';
import { cookieRenewal, type HeldConnection } from '../../../src/links/cookie-renewal';
import { chain, type LinkMiddleware, type LinkOperation } from '../../../src/links/link';
import { split } from '../../../src/links/split';
import type { KuzzleResponse } from '../../../src/vocabulary/request';
import type { Kuzzle } from '../../../src/client/kuzzle';
import { isCookieAction } from '../../../src/links/cookie-actions';
import type { FetchInitLike, FetchResponseLike } from '../../../src/http/fetch';
import { clientHarness } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';

// jasmine-marbles: a fresh TestScheduler per test, one frame = 10 virtual ms.
const op = (controller: string, action: string): LinkOperation => ({
  request: { controller, action, requestId: `${controller}:${action}` },
  options: {},
  restoring: false,
});
const answer = (result: string): KuzzleResponse =>
  ({ requestId: 'r', status: 200, error: null, result, controller: 'c', action: 'a' }) as KuzzleResponse;

describe('split (links)', () => {
  it('sends an operation the predicate accepts to the first link only, reading the predicate once', () => {
    const http = cold('--h|', { h: answer('http') });
    const ws = cold('w|', { w: answer('ws') });
    const predicate = vi.fn((operation: LinkOperation) => operation.request.controller === 'auth');
    expect(
      split(
        predicate,
        () => http,
        () => ws,
      )(op('auth', 'login')),
    ).toBeObservable(cold('--h|', { h: answer('http') }));
    expect(predicate).toHaveBeenCalledTimes(1);
    expect(http).toHaveSubscriptions('^--!');
    expect(ws).toHaveSubscriptions([]);
  });

  it('sends any other operation to the second link only', () => {
    const http = cold('--h|', { h: answer('http') });
    const ws = cold('w|', { w: answer('ws') });
    const link = split(
      (operation) => operation.request.controller === 'auth',
      () => http,
      () => ws,
    );
    expect(link(op('server', 'now'))).toBeObservable(cold('w|', { w: answer('ws') }));
    expect(http).toHaveSubscriptions([]);
    expect(ws).toHaveSubscriptions('^!');
  });

  it('passes an error of the chosen link through', () => {
    const link = split(
      () => true,
      () => cold('-#', undefined, new Error('HTTP down')),
      () => of(answer('ws')),
    );
    expect(link(op('auth', 'login'))).toBeObservable(cold('-#', undefined, new Error('HTTP down')));
  });
});

describe('chain (user links)', () => {
  it('runs the middlewares outermost first, each forwarding to the next, before the client links', () => {
    const seen: string[] = [];
    const middleware =
      (name: string): LinkMiddleware =>
      (operation, forward) => {
        seen.push(`${name} ${operation.request.action}`);
        return forward(operation).pipe(map((response) => ({ ...response, result: `${name}(${String(response.result)})` })));
      };
    const link = chain([middleware('outer'), middleware('inner')], () => cold('-a|', { a: answer('ws') }));
    expect(link(op('server', 'now'))).toBeObservable(cold('-a|', { a: answer('outer(inner(ws))') }));
    expect(seen).toEqual(['outer now', 'inner now']);
  });

  it('lets a middleware answer without forwarding', () => {
    const terminal = cold('-a|', { a: answer('ws') });
    const cache: LinkMiddleware = () => of(answer('cached'));
    expect(chain([cache], () => terminal)(op('server', 'now'))).toBeObservable(cold('(a|)', { a: answer('cached') }));
    expect(terminal).toHaveSubscriptions([]);
  });
});

describe('cookieRenewal', () => {
  /** A connection running, with nothing in flight, whose hold and pause do nothing: each test sets what it watches. */
  const connection = (parts: Partial<HeldConnection> & Pick<HeldConnection, 'settled$'>): HeldConnection => ({
    hold: (work$) => work$,
    isRunning: () => true,
    drained$: of('nothing in flight'),
    pause: (work$) => work$,
    ...parts,
  });

  it('holds the connection for the HTTP call, then emits its response once the reopened socket is ready', () => {
    const http = cold('--r|', { r: answer('logged in') });
    const settled = hot('-----s', { s: 'connected' });
    const held: string[] = [];
    const link = cookieRenewal(
      () => http,
      connection({
        hold: (work$) => {
          held.push('hold');
          return work$;
        },
        settled$: settled,
      }),
    );
    expect(link(op('auth', 'login'))).toBeObservable(cold('-----(r|)', { r: answer('logged in') }));
    expect(http).toHaveSubscriptions('^--!');
    expect(held).toEqual(['hold']);
  });

  it('emits the response as soon as the call is done when the client is offline (no socket to wait for)', () => {
    const link = cookieRenewal(
      () => cold('--r|', { r: answer('logged in') }),
      connection({
        isRunning: () => false,
        settled$: hot('-------s'),
      }),
    );
    expect(link(op('auth', 'login'))).toBeObservable(cold('--r|', { r: answer('logged in') }));
  });

  it('fails with the HTTP error, which the hold has already ended (the socket reopens whatever the outcome)', () => {
    const ends: string[] = [];
    const link = cookieRenewal(
      () => cold('-#', undefined, new Error('HTTP down')),
      connection({
        hold: (work$) => work$.pipe(finalize(() => ends.push('released'))),
        settled$: hot('-----s'),
      }),
    );
    expect(link(op('auth', 'login'))).toBeObservable(cold('-#', undefined, new Error('HTTP down')));
    expect(ends).toEqual(['released']);
  });

  it('waits for the answers in flight before it holds the connection, so that a reopen loses none of them', () => {
    const http = cold('--r|', { r: answer('logged in') });
    const held: number[] = [];
    const scheduler = getTestScheduler();
    const link = cookieRenewal(
      () => http,
      connection({
        hold: (work$) => {
          held.push(scheduler.now());
          return work$;
        },
        settled$: hot('--------s'),
        drained$: hot('---d'),
      }),
    );
    expect(link(op('auth', 'login'))).toBeObservable(cold('--------(r|)', { r: answer('logged in') }));
    expect(http).toHaveSubscriptions('---^--!');
    expect(held).toEqual([30]);
  });

  it('holds new requests back from its start, before the wait for the answers in flight, until the reopened socket is ready', () => {
    const scheduler = getTestScheduler();
    const paused: string[] = [];
    const link = cookieRenewal(
      () => cold('--r|', { r: answer('logged in') }),
      connection({
        settled$: hot('--------s'),
        drained$: hot('---d'),
        pause: (work$) => {
          paused.push(`paused at ${scheduler.now()}`);
          return work$.pipe(finalize(() => paused.push(`resumed at ${scheduler.now()}`)));
        },
      }),
    );
    expect(link(op('auth', 'login'))).toBeObservable(cold('--------(r|)', { r: answer('logged in') }));
    scheduler.flush();
    expect(paused).toEqual(['paused at 0', 'resumed at 80']);
  });

  it('holds nothing back when the client is offline (no socket to close)', () => {
    const paused: string[] = [];
    const link = cookieRenewal(
      () => cold('--r|', { r: answer('logged in') }),
      connection({
        isRunning: () => false,
        settled$: hot('-------s'),
        pause: (work$) => {
          paused.push('paused');
          return work$;
        },
      }),
    );
    expect(link(op('auth', 'login'))).toBeObservable(cold('--r|', { r: answer('logged in') }));
    expect(paused).toEqual([]);
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
