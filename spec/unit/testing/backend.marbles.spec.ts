import { cold as jasmineCold, getTestScheduler } from 'jasmine-marbles';
import { filter, map, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { Kuzzle, KuzzleEvent, SubscriptionEvent } from '../../../src';
import { createTestingKuzzle } from '../../../src/testing';
import { errorsByNameAndMessage, testScheduler } from '../../support/client-harness';

// The testing backend in virtual time: a test writes when the server answers, notifies and drops the link, and
// proves with marbles what the client emits and when. Inside `run()` one frame is 1 virtual ms. With the testing
// protocol options the first reconnection attempt comes 500 ms after a loss, and the new socket opens at once.

const TARGET = { index: 'shop', collection: 'orders' };

/** A subscription's events as letters: p(ending), l(ive), r(estoring), L(ive again), or the document's id. */
const statusLetters = (source: Observable<SubscriptionEvent>): Observable<string> =>
  source.pipe(
    map((event) => {
      if (event.type !== 'status') return event.type === 'document' ? String(event.result._id) : 'u';
      if (event.state === 'live') return event.restored ? 'L' : 'l';
      return event.state[0] ?? '?';
    }),
  );

const eventLetters: Partial<Record<KuzzleEvent['type'], string>> = {
  disconnected: 'd',
  reconnecting: 'w',
  resubscribed: 'R',
  reconnected: 'c',
};
const lifecycle = (kuzzle: Kuzzle): Observable<string> =>
  kuzzle.events$.pipe(
    map((event) => eventLetters[event.type]),
    filter((letter): letter is string => letter !== undefined),
  );

describe('KuzzleTestingBackend in virtual time', () => {
  it('answers when the test says: the call emits at that time', () => {
    const scheduler = testScheduler();
    scheduler.run(({ expectObservable }) => {
      const { kuzzle, backend } = createTestingKuzzle({ scheduler });
      scheduler.schedule(() => backend.expectOne('server:now').respond({ now: 7 }), 30);
      expectObservable(kuzzle.server.now()).toBe('30ms (a|)', { a: 7 });
    });
  });

  it('lets the request time out when nobody answers', () => {
    const scheduler = testScheduler();
    scheduler.run(({ expectObservable }) => {
      const { kuzzle } = createTestingKuzzle({ scheduler, client: { requestTimeout: 100 } });
      expectObservable(errorsByNameAndMessage(kuzzle.server.now())).toBe('100ms #', undefined, {
        name: 'RequestTimeoutError',
        message: expect.stringContaining('100 ms') as unknown as string,
      });
    });
  });

  it('delivers the notifications a cold observable pushes, at its times', () => {
    const scheduler = testScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const { kuzzle, backend } = createTestingKuzzle({ scheduler });
      const orders = statusLetters(kuzzle.realtime.subscribeWithStatus('shop', 'orders', {}));
      cold('  -----a---b').subscribe((id) => backend.notifyDocument(TARGET, { _id: id }));
      expectObservable(orders).toBe('l----a---b');
    });
  });

  it('goes through pending, live, restoring and live again as the backend acknowledges, drops and restores', () => {
    const scheduler = testScheduler();
    scheduler.run(({ expectObservable }) => {
      const { kuzzle, backend } = createTestingKuzzle({ scheduler, acknowledgeDelay: 5 });
      scheduler.schedule(() => backend.notifyDocument(TARGET, { _id: 'a' }), 10);
      scheduler.schedule(() => {
        backend.dropLink();
        backend.restoreLink();
      }, 20);
      scheduler.schedule(() => backend.notifyDocument(TARGET, { _id: 'b' }), 600);

      // Dropped at 20, reconnected at 520, the restored subscription acknowledged at 525.
      expectObservable(statusLetters(kuzzle.realtime.subscribeWithStatus('shop', 'orders', {}))).toBe('p 4ms l 4ms a 9ms r 504ms L 74ms b');
      expectObservable(lifecycle(kuzzle)).toBe('20ms (dw) 501ms (Rc)');
    });
  });

  it('keeps refusing connections while the link is down: each attempt backs off further', () => {
    const scheduler = testScheduler();
    scheduler.run(({ expectObservable }) => {
      const { kuzzle, backend } = createTestingKuzzle({ scheduler });
      scheduler.schedule(() => backend.dropLink(), 10);
      scheduler.schedule(() => backend.restoreLink(), 2000);
      // Attempts at 510 (refused), 1510 (refused), then 3510: connected.
      expectObservable(lifecycle(kuzzle)).toBe('10ms (dw) 496ms w 999ms w 1999ms c');
    });
  });

  it('works with jasmine-marbles, whose frames are 10 virtual ms outside run()', () => {
    const scheduler = getTestScheduler();
    scheduler.assertDeepEqual = (actual: unknown, expected: unknown) => expect(actual).toEqual(expected);
    const { kuzzle, backend } = createTestingKuzzle({ scheduler });
    jasmineCold('---a').subscribe((id: string) => backend.notifyDocument(TARGET, { _id: id }));
    scheduler.expectObservable(statusLetters(kuzzle.realtime.subscribeWithStatus('shop', 'orders', {}))).toBe('l--a');
    scheduler.flush();
  });

  describe('the backend own TestScheduler', () => {
    it('runs marbles when the test brings no scheduler', () => {
      const { kuzzle, backend } = createTestingKuzzle({ acknowledgeDelay: 3 });
      const scheduler = backend.scheduler as TestScheduler;
      expect(scheduler).toBeInstanceOf(TestScheduler);
      scheduler.run(({ expectObservable }) => {
        expectObservable(statusLetters(kuzzle.realtime.subscribeWithStatus('shop', 'orders', {}))).toBe('p 2ms l');
      });
    });

    it('fails a marble that does not hold, showing both sides', () => {
      const { kuzzle } = createTestingKuzzle();
      const scheduler = kuzzleScheduler(kuzzle);
      expect(() =>
        scheduler.run(({ expectObservable }) => {
          expectObservable(statusLetters(kuzzle.realtime.subscribeWithStatus('shop', 'orders', {}))).toBe('-l');
        }),
      ).toThrow(/^The observable did not emit as expected\.\nExpected: \[\{"frame":1,.*\nActual: {3}\[\{"frame":0,/);
    });
  });
});

/** The TestScheduler a testing client runs on. */
function kuzzleScheduler(kuzzle: Kuzzle): TestScheduler {
  return kuzzle.protocol.options.scheduler as TestScheduler;
}
