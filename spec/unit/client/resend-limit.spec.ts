import { getTestScheduler, hot } from 'jasmine-marbles';
import { filter, map, type Observable, of, Subject } from 'rxjs';
import type { Kuzzle } from '../../../src/client/kuzzle';
import { decideResend, RequestChannel } from '../../../src/links/request-channel';
import { ConnectionLostError, isRequestUnsafeToResendError, KuzzleError, RequestUnsafeToResendError } from '../../../src';
import type { KuzzleEvent } from '../../../src/vocabulary/events';
import type { KuzzleRequest } from '../../../src/vocabulary/request';
import { errorsByNameAndMessage } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';
import { at, connectingClient, marbles } from '../../support/marbles';

// The resend limit in virtual time. jasmine-marbles gives each test a fresh TestScheduler; outside `run()` one marble
// frame is 10 virtual ms. The scripted server opens each socket 10 ms after the client creates it, answers each request
// 10 ms after receiving it, and, like a real Kuzzle on a frame over its `server.maxRequestSize`, drops the socket (1006,
// no close frame, no answer to anything still in flight) as soon as it receives a frame over SERVER_LIMIT bytes. The
// client, whose own maxRequestSize (1 MiB) is above that, reconnects 50 ms after each loss: a socket every 60 ms.

const SERVER_LIMIT = 1000;

/** What crossed the wire, one letter per request: the `requestId`s the tests give. */
function scriptedServer(): Observable<string> {
  const scheduler = getTestScheduler();
  const wire = new Subject<string>();
  FakeWebSocket.onConstruct = (socket) => {
    scheduler.schedule(() => socket.open(), 10);
  };
  FakeWebSocket.onSend = (socket, text) => {
    const request = JSON.parse(text) as Record<string, unknown>;
    if (request['controller'] === undefined) return; // a ping
    wire.next(String(request['requestId']));
    if (Buffer.byteLength(text) > SERVER_LIMIT) {
      scheduler.schedule(() => socket.serverClose(1006, '', false), 0);
      return;
    }
    scheduler.schedule(() => {
      if (socket.readyState === FakeWebSocket.OPEN) socket.respond(request, { now: 42 });
    }, 10);
  };
  return wire.asObservable();
}

const eventLetters: Partial<Record<KuzzleEvent['type'], string>> = { disconnected: 'd', reconnected: 'r' };
const lifecycleEvents = (kuzzle: Kuzzle): Observable<string> =>
  kuzzle.events$.pipe(
    map((event) => eventLetters[event.type]),
    filter((letter): letter is string => letter !== undefined),
  );

/** A server:now with the given id, `pad` characters of volatile padding. */
const now = (requestId: string, pad = 0): KuzzleRequest => ({
  controller: 'server',
  action: 'now',
  requestId,
  volatile: { pad: 'x'.repeat(pad) },
});

const unsafe = (id: string) => ({
  name: 'RequestUnsafeToResendError',
  message: `Request server:now (${id}) was in flight at 3 consecutive link losses (maxResends: 2); it is not re-sent again, as it may be what drops the link`,
});

beforeEach(() => FakeWebSocket.reset());

describe('the resend limit, with a request the server drops the link on', () => {
  it('re-sends it twice, then fails it with RequestUnsafeToResendError: three losses, and the link stays up', () => {
    const scheduler = marbles();
    const wire = scriptedServer();
    const kuzzle = connectingClient();
    const poison = errorsByNameAndMessage(kuzzle.query(now('P', SERVER_LIMIT)));
    at(250, () => kuzzle.query(now('s')).subscribe());

    scheduler.expectObservable(wire).toBe('-P-----P-----P-----------s');
    scheduler.expectObservable(lifecycleEvents(kuzzle)).toBe('-d-----(rd)--(rd)--r');
    scheduler.expectObservable(poison).toBe('-------------#', undefined, unsafe('P'));
    scheduler.flush();
    expect(FakeWebSocket.instances).toHaveLength(4);
  });

  it('re-sends a read made during the storm until it is answered, and fails a write in flight as before', () => {
    const scheduler = marbles();
    const wire = scriptedServer();
    const kuzzle = connectingClient();
    const poison = errorsByNameAndMessage(kuzzle.query(now('P', SERVER_LIMIT)));
    const write = errorsByNameAndMessage(
      kuzzle.query({ controller: 'document', action: 'create', index: 'i', collection: 'c', requestId: 'w' }),
    );
    const later = kuzzle.query(now('n')).pipe(map((response) => response.result));

    // n waits for the second socket and goes out with P there; lost with it, it is a suspect too, re-sent only once P,
    // alone on the third, has dropped the link for the last time: n goes out alone on the fourth.
    scheduler.expectObservable(wire).toBe('-(Pw)--(Pn)--P-----n');
    scheduler.expectObservable(later, '---^').toBe('--------------------(x|)', { x: { now: 42 } });
    scheduler.expectObservable(poison).toBe('-------------#', undefined, unsafe('P'));
    scheduler.expectObservable(write).toBe('-#', undefined, {
      name: 'ConnectionLostError',
      message:
        'Connection lost before document:create (w) was answered; it was not re-sent because it is not read-only (opt in with resendAfterReconnect)',
    });
    scheduler.flush();
  });

  it('re-sends the requests lost with it one at a time, so that a read that went out with it is answered', () => {
    const scheduler = marbles();
    const wire = scriptedServer();
    const kuzzle = connectingClient();
    const poison = errorsByNameAndMessage(kuzzle.query(now('P', SERVER_LIMIT)));
    const companion = kuzzle.query(now('m')).pipe(map((response) => response.result));

    // Both were in flight at the first loss: P goes out alone on the second socket and drops it; m, next in line, goes
    // out alone on the third and is answered; then P, which drops the link a third time and fails.
    scheduler.expectObservable(wire).toBe('-(Pm)--P-----mP');
    scheduler.expectObservable(poison).toBe('--------------#', undefined, unsafe('P'));
    scheduler.expectObservable(companion).toBe('--------------(x|)', { x: { now: 42 } });
    scheduler.flush();
  });
});

describe('the request channel with another maxResends', () => {
  /** A channel over a hot `linkLost$`, always ready (a re-send goes out at the loss); `wire` gets each frame's id. */
  function channel(linkLost$: Observable<unknown>, maxResends: number | undefined) {
    const wire = new Subject<string>();
    const requests = new RequestChannel({
      send: (text) => {
        wire.next(String((JSON.parse(text) as KuzzleRequest).requestId));
        return true;
      },
      serialize: (request) => JSON.stringify(request),
      linkLost$,
      whenReady: () => of(undefined),
      ...(maxResends === undefined ? {} : { maxResends }),
    });
    return { requests, wire };
  }
  const read = { controller: 'server', action: 'now', requestId: 'a' };

  it('never re-sends with 0: the first loss fails a read', () => {
    const scheduler = marbles();
    const { requests, wire } = channel(hot('--l'), 0);
    scheduler.expectObservable(wire).toBe('a');
    scheduler.expectObservable(errorsByNameAndMessage(requests.exchange(read, {}, false))).toBe('--#', undefined, {
      name: 'RequestUnsafeToResendError',
      message:
        'Request server:now (a) was in flight at 1 consecutive link losses (maxResends: 0); it is not re-sent again, as it may be what drops the link',
    });
    scheduler.flush();
  });

  it('re-sends for as long as the link comes back with Infinity', () => {
    const scheduler = marbles();
    const { requests, wire } = channel(hot('-l-l-l-l-l-l'), Infinity);
    const response = { requestId: 'a', status: 200, controller: 'server', action: 'now', error: null, result: 1, volatile: null };
    getTestScheduler().schedule(() => requests.deliver(response), 130);

    scheduler.expectObservable(wire).toBe('aa-a-a-a-a-a');
    scheduler.expectObservable(requests.exchange(read, {}, false)).toBe('-------------(x|)', { x: response });
    scheduler.flush();
  });

  it('re-sends twice by default, and the requests that opted in count their losses too', () => {
    const scheduler = marbles();
    const { requests, wire } = channel(hot('-l-l-l'), undefined);
    const write = { controller: 'document', action: 'create', requestId: 'b' };
    const exchange = requests.exchange(write, { resendAfterReconnect: true }, false);

    scheduler.expectObservable(wire).toBe('bb-b');
    scheduler.expectObservable(errorsByNameAndMessage(exchange)).toBe('-----#', undefined, {
      name: 'RequestUnsafeToResendError',
      message:
        'Request document:create (b) was in flight at 3 consecutive link losses (maxResends: 2); it is not re-sent again, as it may be what drops the link',
    });
    scheduler.flush();
  });

  it('sends a restoration request once, whatever the limit (the next socket makes its own)', () => {
    const scheduler = marbles();
    const { requests, wire } = channel(hot('--l'), Infinity);
    const subscribe = { controller: 'realtime', action: 'subscribe', requestId: 'c' };
    scheduler.expectObservable(wire).toBe('c');
    scheduler.expectObservable(errorsByNameAndMessage(requests.exchange(subscribe, {}, true))).toBe('--#', undefined, {
      name: 'ConnectionLostError',
      message:
        'Connection lost before realtime:subscribe (c) was answered; it was not re-sent because it is not read-only (opt in with resendAfterReconnect)',
    });
    scheduler.flush();
  });
});

describe('decideResend', () => {
  const request: KuzzleRequest = { controller: 'server', action: 'now', requestId: 'r' };
  const lost = new ConnectionLostError(request);

  it('re-sends a resendable request after each of its first maxResends losses', () => {
    expect([1, 2].map((losses) => decideResend(lost, losses, true, 2))).toEqual([{ kind: 'resend' }, { kind: 'resend' }]);
    expect(decideResend(lost, 1000, true, Infinity)).toEqual({ kind: 'resend' });
  });

  it('fails it with RequestUnsafeToResendError at the loss after', () => {
    const decision = decideResend(lost, 3, true, 2);
    const error = decision.kind === 'fail' ? decision.error : undefined;
    expect(error).toBeInstanceOf(RequestUnsafeToResendError);
    expect(isRequestUnsafeToResendError(error)).toBe(true);
    expect(error).toMatchObject({ request, losses: 3, maxResends: 2 });
  });

  it('passes on a loss of a request that may not be re-sent, and any other error, as they are', () => {
    const refused = new KuzzleError({ message: 'nope', status: 400 });
    expect(decideResend(lost, 1, false, 2)).toEqual({ kind: 'fail', error: lost });
    expect(decideResend(refused, 1, true, 2)).toEqual({ kind: 'fail', error: refused });
  });
});
