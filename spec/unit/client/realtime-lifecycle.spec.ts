import { getTestScheduler } from 'jasmine-marbles';
import { filter, first, map, type Observable, Subject } from 'rxjs';
import type { KuzzleEvent } from '../../../src/vocabulary/events';
import type { Kuzzle } from '../../../src/client/kuzzle';
import type { Notification } from '../../../src/vocabulary/notifications';
import { errorsByNameAndMessage } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';
import { documentNotification } from '../../support/notification-frames';
import { at, connectingClient, marbles } from '../../support/marbles';

// The subscription lifecycle in virtual time. jasmine-marbles gives each test a fresh TestScheduler; outside `run()`
// one marble frame is 10 virtual ms. The scripted server below opens each socket 10 ms after the client creates it and
// answers each request `answerDelay` ms after receiving it; the harness reconnects 50 ms after a loss. A subscription
// made while the first socket opens waits for it (the offline queue) and goes out at 10 ms.

const CHANNEL = 'room-1-111';

interface ServerScript {
  /** ms between a request and its answer. @default 10 */
  readonly answerDelay?: number;
  /** Refuse every `realtime:subscribe` from the n-th one on (1-based). @default never */
  readonly refuseSubscribeFrom?: number;
}

/** What crossed the wire, one letter per request: s = realtime:subscribe, u = realtime:unsubscribe. */
const wireLetters: Record<string, string> = { 'realtime:subscribe': 's', 'realtime:unsubscribe': 'u' };

/** Plays the server on every FakeWebSocket; returns the requests the client sent, as a hot Observable of letters. */
function scriptedServer(script: ServerScript = {}): Observable<string> {
  const scheduler = getTestScheduler();
  const delay = script.answerDelay ?? 10;
  const wire = new Subject<string>();
  let subscribes = 0;
  FakeWebSocket.onConstruct = (socket) => {
    scheduler.schedule(() => socket.open(), 10);
  };
  FakeWebSocket.onSend = (socket, text) => {
    const request = JSON.parse(text) as Record<string, unknown>;
    if (request['controller'] === undefined) return; // a ping
    const action = `${String(request['controller'])}:${String(request['action'])}`;
    wire.next(wireLetters[action] ?? action);
    const refused = action === 'realtime:subscribe' && ++subscribes >= (script.refuseSubscribeFrom ?? Infinity);
    scheduler.schedule(() => {
      if (socket.readyState !== FakeWebSocket.OPEN) return;
      if (refused) socket.respondError(request, { id: 'security.rights.unauthorized', message: 'Unauthorized', status: 403 });
      else if (action === 'realtime:subscribe') socket.respond(request, { roomId: 'room-1', channel: CHANNEL });
      else socket.respond(request, { roomId: 'room-1' });
    }, delay);
  };
  return wire.asObservable();
}

/** The server sends a document notification about `id` on the room's channel, at `time` (ms). */
function notifyAt(time: number, id: string): void {
  at(time, () => FakeWebSocket.last.receiveJson(documentNotification(CHANNEL, id)));
}

/** The ids of the documents notified. */
const ids = (source: Observable<Notification>): Observable<string> =>
  source.pipe(map((n) => (n.type === 'document' ? String(n.result._id) : n.type)));

/** The events of the connection and the subscriptions, as letters. */
const eventLetters: Partial<Record<KuzzleEvent['type'], string>> = {
  subscribed: 'S',
  disconnected: 'd',
  resubscribed: 'R',
  reconnected: 'r',
};
const lifecycleEvents = (kuzzle: Kuzzle): Observable<string> =>
  kuzzle.events$.pipe(
    map((event) => eventLetters[event.type]),
    filter((letter): letter is string => letter !== undefined),
  );

beforeEach(() => FakeWebSocket.reset());

describe('realtime subscription lifecycle in virtual time', () => {
  it('shares one server subscription between subscribers that come and go, and unsubscribes after the last', () => {
    const scheduler = marbles();
    const wire = scriptedServer();
    const kuzzle = connectingClient();
    const room = ids(kuzzle.realtime.subscribe('i', 'c', { equals: { color: 'red' } }));
    notifyAt(60, 'a');
    notifyAt(100, 'b');

    scheduler.expectObservable(wire).toBe('---s----------u');
    scheduler.expectObservable(room, '---^-----!').toBe('------a');
    scheduler.expectObservable(room, '-----^--------!').toBe('------a---b');
    scheduler.flush();
  });

  it('unsubscribes once the server acknowledges a subscription its only subscriber already left', () => {
    const scheduler = marbles();
    const wire = scriptedServer({ answerDelay: 30 });
    const kuzzle = connectingClient();
    const room = kuzzle.realtime.subscribe('i', 'c');

    scheduler.expectObservable(wire).toBe('---s--u');
    scheduler.expectObservable(room, '---^!').toBe('');
    scheduler.flush();
  });

  it('unsubscribes when first() takes the one notification it wanted', () => {
    const scheduler = marbles();
    const wire = scriptedServer();
    const kuzzle = connectingClient();
    notifyAt(60, 'a');
    notifyAt(70, 'b');

    scheduler.expectObservable(ids(kuzzle.realtime.subscribe('i', 'c').pipe(first()))).toBe('------(a|)');
    scheduler.expectObservable(wire).toBe('-s----u');
    scheduler.flush();
  });

  it('restores the subscription on the new socket before reporting reconnected, and delivers again', () => {
    const scheduler = marbles();
    const wire = scriptedServer();
    const kuzzle = connectingClient();
    const room = ids(kuzzle.realtime.subscribe('i', 'c'));
    notifyAt(50, 'a');
    at(60, () => FakeWebSocket.last.serverClose(1006, '', false)); // the new socket: created at 110, open at 120
    notifyAt(150, 'b');

    scheduler.expectObservable(wire).toBe('-s----------s');
    scheduler.expectObservable(lifecycleEvents(kuzzle)).toBe('--S---d------(Rr)');
    scheduler.expectObservable(room).toBe('-----a---------b');
    scheduler.flush();
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('errors the subscription with SubscriptionLostError when the server refuses to restore it', () => {
    const scheduler = marbles();
    const wire = scriptedServer({ refuseSubscribeFrom: 2 });
    const kuzzle = connectingClient();
    const room = errorsByNameAndMessage(ids(kuzzle.realtime.subscribe('i', 'c')));
    at(60, () => FakeWebSocket.last.serverClose(1001));

    scheduler.expectObservable(wire).toBe('-s----------s');
    scheduler.expectObservable(room).toBe('-------------#', undefined, {
      name: 'SubscriptionLostError',
      message: 'Subscription room-1 lost: Unauthorized',
    });
    scheduler.expectObservable(lifecycleEvents(kuzzle)).toBe('--S---d------r');
    scheduler.flush();
  });
});
