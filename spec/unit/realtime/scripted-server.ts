import { getTestScheduler } from 'jasmine-marbles';
import { type Observable, Subject } from 'rxjs';
import type { Kuzzle } from '../../../src/client/kuzzle';
import type { KuzzleOptions } from '../../../src/client/options';
import { clientHarness } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';
import { documentNotification } from '../../support/notification-frames';
import { at } from '../../support/marbles';

// The realtime specs in virtual time. jasmine-marbles gives each test a fresh TestScheduler; outside `run()` one marble
// frame is 10 virtual ms. The scripted server opens each socket 10 ms after the client creates it and answers each
// request 10 ms after receiving it (unless told otherwise); the harness reconnects 50 ms after a loss. A subscription
// made while the first socket opens waits for it (the offline queue) and goes out at 10 ms, answered at 20 ms.

export const ROOM_ID = 'room-1';
export const CHANNEL = 'room-1-111';

export interface ServerScript {
  /** ms between a request and its answer, by `controller:action`. @default 10 for every action */
  readonly answerDelay?: Readonly<Record<string, number>>;
  /** Refuse every `realtime:subscribe` from the n-th one on (1-based). @default never */
  readonly refuseSubscribeFrom?: number;
  /** The answers to the successive `realtime:count` requests (the last one repeats). @default [1] */
  readonly counts?: readonly number[];
  /** Runs right after each subscription is acknowledged, in the same virtual instant (the server's next frames). */
  readonly afterSubscribe?: (socket: FakeWebSocket) => void;
}

/** What crossed the wire, one letter per request. */
const wireLetters: Record<string, string> = {
  'realtime:subscribe': 's',
  'realtime:unsubscribe': 'u',
  'realtime:count': 'c',
  'server:now': 'n',
  'auth:login': 'l',
};

/** Plays the server on every FakeWebSocket; returns the requests the client sent, as a hot Observable of letters. */
export function scriptedServer(script: ServerScript = {}): Observable<string> {
  const scheduler = getTestScheduler();
  const wire = new Subject<string>();
  let subscribes = 0;
  let counts = 0;
  FakeWebSocket.onConstruct = (socket) => {
    scheduler.schedule(() => socket.open(), 10);
  };
  FakeWebSocket.onSend = (socket, text) => {
    const request = JSON.parse(text) as Record<string, unknown>;
    if (request['controller'] === undefined) return; // a ping
    const action = `${String(request['controller'])}:${String(request['action'])}`;
    wire.next(wireLetters[action] ?? action);
    const refused = action === 'realtime:subscribe' && ++subscribes >= (script.refuseSubscribeFrom ?? Infinity);
    const answers = script.counts ?? [1];
    const count = action === 'realtime:count' ? (answers[Math.min(counts++, answers.length - 1)] ?? 1) : 0;
    scheduler.schedule(() => {
      if (socket.readyState !== FakeWebSocket.OPEN) return;
      if (refused) socket.respondError(request, { id: 'security.rights.unauthorized', message: 'Unauthorized', status: 403 });
      else if (action === 'realtime:subscribe') {
        socket.respond(request, { roomId: ROOM_ID, channel: CHANNEL });
        script.afterSubscribe?.(socket);
      } else if (action === 'realtime:count') socket.respond(request, { count });
      else if (action === 'server:now') socket.respond(request, { now: 1795654286658 });
      else if (action === 'auth:login') socket.respond(request, { _id: 'u', jwt: 'kauth-2', expiresAt: 1795657414986, ttl: 3600000 });
      else socket.respond(request, { roomId: ROOM_ID });
    }, script.answerDelay?.[action] ?? 10);
  };
  return wire.asObservable();
}

/** A client on jasmine-marbles' scheduler, connecting at once: its socket opens at 10 ms. */
export function connectingClient(options: KuzzleOptions = {}): Kuzzle {
  const { kuzzle } = clientHarness({ scheduler: getTestScheduler(), kuzzle: options });
  kuzzle.connect().subscribe();
  return kuzzle;
}

/** The server sends a document notification about `id` on the room's channel, at `time` (ms). */
export function notifyAt(time: number, id: string): void {
  at(time, () => FakeWebSocket.last.receiveJson(documentNotification(CHANNEL, id)));
}

/** The connection drops (1006, no close frame) at `time` (ms); the next socket is created 50 ms later, open 10 ms after. */
export function dropAt(time: number): void {
  at(time, () => FakeWebSocket.last.serverClose(1006, '', false));
}

/** A user notification as the server sends it on the room's channel: someone entered or left; `count` are in now. */
export function userNotification(user: 'in' | 'out', count: number, volatile: Record<string, unknown> | null): Record<string, unknown> {
  return {
    type: 'user',
    status: 200,
    user,
    result: { count },
    timestamp: 1795654382672,
    volatile,
    index: 'i',
    collection: 'c',
    controller: 'realtime',
    action: user === 'in' ? 'subscribe' : 'unsubscribe',
    protocol: user === 'in' ? 'websocket' : null,
    room: CHANNEL,
  };
}

export { at, marbles } from '../../support/marbles';
