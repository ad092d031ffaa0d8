import { switchMap, timer } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import type { FetchInitLike, FetchLike, FetchResponseLike } from '../../../src';
import { clientHarness, testScheduler } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';

/** A promise-like settled by the test scheduler after `delay` virtual ms, so HTTP calls run in virtual time. */
function later<T>(scheduler: TestScheduler, delay: number, outcome: () => T): PromiseLike<T> {
  // A thenable on purpose: the fetch contract is PromiseLike, and this one settles in virtual time.
  return {
    // oxlint-disable-next-line unicorn/no-thenable
    then<A = T, B = never>(
      onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
      onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
    ): PromiseLike<A | B> {
      scheduler.schedule(() => {
        let value: T;
        try {
          value = outcome();
        } catch (error) {
          onRejected?.(error);
          return;
        }
        onFulfilled?.(value);
      }, delay);
      // oxlint-disable-next-line unicorn/no-thenable
      return { then: () => ({}) as PromiseLike<never> } as unknown as PromiseLike<A | B>;
    },
  };
}

function fakeFetch(scheduler: TestScheduler, delay: number, calls: { url: string; init: FetchInitLike }[], fail = false): FetchLike {
  return (url, init) => {
    calls.push({ url, init });
    return later(scheduler, delay, (): FetchResponseLike => {
      if (fail) throw new Error('network down');
      return {
        status: 200,
        headers: { get: () => null, getSetCookie: () => ['authToken=kauth-new; Path=/; HttpOnly; SameSite=Strict'] },
        text: () =>
          later(scheduler, 0, () =>
            JSON.stringify({
              status: 200,
              error: null,
              controller: 'auth',
              action: 'login',
              requestId: 'h',
              volatile: null,
              result: { _id: 'admin', expiresAt: 1, ttl: 1 },
            }),
          ),
      };
    });
  };
}

describe('cookie renewal: close, HTTP call, reopen', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    FakeWebSocket.reset();
    scheduler = testScheduler();
  });

  function setup(fail = false) {
    const calls: { url: string; init: FetchInitLike }[] = [];
    const { kuzzle } = clientHarness({
      scheduler,
      fixedBackoff: false,
      sequentialIds: false,
      kuzzle: { cookieAuth: true, fetch: fakeFetch(scheduler, 20, calls, fail) },
    });
    // Every handshake is accepted 1 ms after the socket is created.
    FakeWebSocket.onConstruct = (socket) => scheduler.schedule(() => socket.open(), 1);
    return { kuzzle, calls };
  }

  it('holds requests issued during the renewal and sends them on the reopened socket, never going offline', () => {
    scheduler.run(({ expectObservable }) => {
      const { kuzzle, calls } = setup();
      scheduler.schedule(() => kuzzle.connect().subscribe(), 5);
      const login$ = timer(10).pipe(switchMap(() => kuzzle.auth.login('local', { username: 'admin', password: 'password' })));
      const now$ = timer(15).pipe(switchMap(() => kuzzle.server.now()));
      scheduler.schedule(() => {
        const reopened = FakeWebSocket.nth(1);
        reopened.respond(reopened.lastRequest, { now: 42 });
      }, 35);

      // offline; connecting at 5; connected at 6; reconnecting at 10 (socket closed, HTTP call made);
      // the call answers at 30, the new socket opens at 31.
      expectObservable(kuzzle.state$).toBe('o 4ms c d 3ms r 20ms d', { o: 'offline', c: 'connecting', d: 'connected', r: 'reconnecting' });
      expectObservable(login$).toBe('31ms (l|)', { l: { _id: 'admin', expiresAt: 1, ttl: 1 } });
      expectObservable(now$).toBe('35ms (n|)', { n: 42 });
      expectObservable(kuzzle.events$).toBe('6ms a 3ms b 4ms q 15ms (xy)', {
        a: { type: 'connected' },
        b: { type: 'disconnected', origin: 'reopen', code: 1000, reason: 'reopen' },
        q: expect.objectContaining({ type: 'queued' }) as unknown,
        x: expect.objectContaining({ type: 'replayed' }) as unknown,
        y: { type: 'reconnected' },
      });

      scheduler.flush();
      const [first, second] = FakeWebSocket.instances;
      expect(first?.closedWith).toEqual({ code: 1000, reason: 'reopen' });
      expect(first?.requests).toEqual([]);
      expect(second?.headers).toEqual({ cookie: 'authToken=kauth-new' });
      expect(second?.requests.map((r) => `${String(r['controller'])}:${String(r['action'])}`)).toEqual(['server:now']);
      expect(second?.requests[0]?.['jwt']).toBeUndefined();
      expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual(['POST http://localhost:7512/_login/local?cookieAuth=true']);
      expect(calls[0]?.init.credentials).toBe('include');
      expect(FakeWebSocket.instances).toHaveLength(2);
    });
  });

  it('holds back a request made while the renewal waits for the answers in flight: it goes out on the reopened socket', () => {
    scheduler.run(({ expectObservable }) => {
      const { kuzzle } = setup();
      scheduler.schedule(() => kuzzle.connect().subscribe(), 5);
      // In flight when the login comes at 10, answered at 14 on the first socket.
      const before$ = timer(8).pipe(switchMap(() => kuzzle.server.now()));
      const login$ = timer(10).pipe(switchMap(() => kuzzle.auth.login('local', {})));
      // Made at 12, during the wait for that answer: it must not go out on the socket about to close.
      const during$ = timer(12).pipe(switchMap(() => kuzzle.document.create('shop', 'orders', { total: 1 }, 'o1')));
      scheduler.schedule(() => {
        const first = FakeWebSocket.nth(0);
        first.respond(first.lastRequest, { now: 1 });
      }, 14);
      scheduler.schedule(() => {
        const reopened = FakeWebSocket.nth(1);
        reopened.respond(reopened.lastRequest, { _id: 'o1', _version: 1, _source: { total: 1 } });
      }, 40);

      // The socket closes once the answer came (14), the HTTP call answers at 34, the new socket opens at 35.
      expectObservable(before$).toBe('14ms (n|)', { n: 1 });
      expectObservable(login$).toBe('35ms (l|)', { l: { _id: 'admin', expiresAt: 1, ttl: 1 } });
      expectObservable(during$).toBe('40ms (d|)', { d: { _id: 'o1', _version: 1, _source: { total: 1 } } });
      expectObservable(kuzzle.state$).toBe('o 4ms c d 7ms r 20ms d', { o: 'offline', c: 'connecting', d: 'connected', r: 'reconnecting' });
    });
    const [first, second] = FakeWebSocket.instances;
    expect(first?.requests.map((r) => `${String(r['controller'])}:${String(r['action'])}`)).toEqual(['server:now']);
    expect(second?.requests.map((r) => `${String(r['controller'])}:${String(r['action'])}`)).toEqual(['document:create']);
  });

  it('errors the call with HttpTransportError when the HTTP call fails, and reopens the socket anyway', () => {
    scheduler.run(({ expectObservable }) => {
      const { kuzzle } = setup(true);
      scheduler.schedule(() => kuzzle.connect().subscribe(), 5);
      const login$ = timer(10).pipe(switchMap(() => kuzzle.auth.login('local', {})));
      expectObservable(login$).toBe('30ms #', undefined, expect.objectContaining({ name: 'HttpTransportError' }));
      expectObservable(kuzzle.state$).toBe('o 4ms c d 3ms r 20ms d', { o: 'offline', c: 'connecting', d: 'connected', r: 'reconnecting' });
    });
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('reopens once, after the last of two overlapping renewals', () => {
    scheduler.run(({ expectObservable }) => {
      const { kuzzle } = setup();
      scheduler.schedule(() => kuzzle.connect().subscribe(), 5);
      scheduler.schedule(() => kuzzle.auth.login('local', {}).subscribe(), 10);
      scheduler.schedule(() => kuzzle.auth.refreshToken().subscribe(), 15);
      // The first call answers at 30, the second at 35: one new socket, opened at 36.
      expectObservable(kuzzle.state$).toBe('o 4ms c d 3ms r 25ms d', { o: 'offline', c: 'connecting', d: 'connected', r: 'reconnecting' });
    });
    expect(FakeWebSocket.instances).toHaveLength(2);
  });
});
