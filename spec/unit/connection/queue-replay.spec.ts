import { getTestScheduler } from 'jasmine-marbles';
import { catchError, filter, map, type Observable, Subject, throwError } from 'rxjs';
import type { Kuzzle } from '../../../src/client/kuzzle';
import type { KuzzleOptions } from '../../../src/client/options';
import { RequestDroppedError } from '../../../src/vocabulary/errors/client-errors';
import type { KuzzleEvent } from '../../../src/vocabulary/events';
import type { KuzzleRequest } from '../../../src/vocabulary/request';
import { clientHarness, nameAndMessage, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';
import { invalidOptionOf } from '../../support/invalid-option';
import { at, marbles } from '../../support/marbles';
import { documentNotification } from '../../support/notification-frames';

// The offline queue in virtual time. Outside `run()` one marble frame is 10 virtual ms. The scripted server opens each
// socket `openDelay` ms after the client creates it and answers each request 10 ms after receiving it; the harness
// reconnects 50 ms after a loss. Like a Kuzzle server, it notifies a write to the subscriptions made on that socket
// before the write (a subscription restored after the write would not hear of it).

const CHANNEL = 'room-1-111';

/** Plays the server on every FakeWebSocket; returns the requests the client sent, as a hot Observable of letters. */
function scriptedServer(openDelay = 10): Observable<string> {
  const scheduler = getTestScheduler();
  const wire = new Subject<string>();
  const subscribedOn = new WeakSet<FakeWebSocket>();
  FakeWebSocket.onConstruct = (socket) => {
    scheduler.schedule(() => socket.open(), openDelay);
  };
  FakeWebSocket.onSend = (socket, text) => {
    const request = JSON.parse(text) as Record<string, unknown>;
    if (request['controller'] === undefined) return; // a ping
    const action = `${String(request['controller'])}:${String(request['action'])}`;
    // One letter per request: s for realtime:subscribe, n for server:now, a document's _id for document:create.
    wire.next(action === 'realtime:subscribe' ? 's' : action === 'server:now' ? 'n' : String(request['_id']));
    if (action === 'realtime:subscribe') subscribedOn.add(socket);
    const heard = action === 'document:create' && subscribedOn.has(socket);
    scheduler.schedule(() => {
      if (socket.readyState !== FakeWebSocket.OPEN) return;
      if (action === 'realtime:subscribe') socket.respond(request, { roomId: 'room-1', channel: CHANNEL });
      else socket.respond(request, { _id: request['_id'] });
      if (heard) socket.receiveJson(documentNotification(CHANNEL, String(request['_id'])));
    }, 10);
  };
  return wire.asObservable();
}

/** A client on jasmine-marbles' scheduler, connecting at once (its socket opens at `openDelay` of the server). */
function connectingClient(options: KuzzleOptions = {}): { kuzzle: Kuzzle; events: KuzzleEvent[] } {
  const { kuzzle, events } = clientHarness({ scheduler: getTestScheduler(), kuzzle: options });
  kuzzle.connect().subscribe();
  return { kuzzle, events };
}

/** Creates the document `id` (not read-only: never re-sent); emits its id once answered. */
const create = (kuzzle: Kuzzle, id: string, options: { queuable?: boolean } = {}): Observable<string> =>
  kuzzle
    .query({ controller: 'document', action: 'create', index: 'i', collection: 'c', _id: id, body: {} }, options)
    .pipe(map((response) => String((response.result as { _id: unknown })._id)));

/** A dropped request's error as its name and reason, any other error as its name and message. */
const settled = <T>(source: Observable<T>): Observable<T> =>
  source.pipe(
    catchError((error: unknown) =>
      throwError(() => (error instanceof RequestDroppedError ? { name: error.name, reason: error.reason } : nameAndMessage(error))),
    ),
  );

const droppedBecause = (reason: RequestDroppedError['reason']) => ({ name: 'RequestDroppedError', reason });

/**
 * The queue's and the connection's events as letters: q queued, p replayed, a dropped one by its reason (x flushed,
 * f filtered, o queue-full, m max-age), c connected, d disconnected, S subscribed, R resubscribed, r reconnected.
 */
const DROPPED: Record<RequestDroppedError['reason'], string> = { flushed: 'x', filtered: 'f', 'queue-full': 'o', 'max-age': 'm' };
const LETTERS: Partial<Record<KuzzleEvent['type'], string>> = {
  queued: 'q',
  replayed: 'p',
  connected: 'c',
  disconnected: 'd',
  subscribed: 'S',
  resubscribed: 'R',
  reconnected: 'r',
};
const eventLetters = (kuzzle: Kuzzle): Observable<string> =>
  kuzzle.events$.pipe(
    map((event) => (event.type === 'dropped' ? DROPPED[event.reason] : LETTERS[event.type])),
    filter((letter): letter is string => letter !== undefined),
  );

/** The ids of the documents a subscription is notified of. */
const notifiedIds = (kuzzle: Kuzzle): Observable<string> =>
  kuzzle.realtime.subscribe('i', 'c').pipe(map((n) => (n.type === 'document' ? String(n.result._id) : n.type)));

beforeEach(() => FakeWebSocket.reset());

describe('offline queue order', () => {
  it('sends the requests made while connecting in the order they were made, once connected', () => {
    const scheduler = marbles();
    const wire = scriptedServer(50);
    const { kuzzle } = connectingClient();

    // Listening first: the first request is made at 0 too.
    scheduler.expectObservable(eventLetters(kuzzle)).toBe('qqq--(pppc)');
    scheduler.expectObservable(wire).toBe('-----(abc)');
    scheduler.expectObservable(create(kuzzle, 'a'), '^').toBe('------(a|)');
    scheduler.expectObservable(create(kuzzle, 'b'), '-^').toBe('------(b|)');
    scheduler.expectObservable(create(kuzzle, 'c'), '--^').toBe('------(c|)');
    scheduler.flush();
  });

  it('restores the subscriptions after a reconnection before the queued requests go out: the subscriber hears a queued write', () => {
    const scheduler = marbles();
    const wire = scriptedServer();
    const { kuzzle } = connectingClient();
    // The link drops at 40; the new socket is made at 90 and opens at 100.
    at(40, () => FakeWebSocket.last.serverClose(1006, '', false));

    scheduler.expectObservable(notifiedIds(kuzzle), '--^').toBe('------------w');
    scheduler.expectObservable(create(kuzzle, 'w'), '------^').toBe('------------(w|)');
    scheduler.expectObservable(wire).toBe('--s-------sw');
    scheduler.expectObservable(eventLetters(kuzzle)).toBe('-c-Sd-q----(Rpr)');
    scheduler.flush();
  });
});

describe('queueFilter', () => {
  it('drops at once a request it refuses, with a dropped event, and queues the ones it accepts', () => {
    const scheduler = marbles();
    const wire = scriptedServer(50);
    const seen: string[] = [];
    const { kuzzle } = connectingClient({
      queueFilter: (request: KuzzleRequest) => {
        seen.push(`${request.controller}:${request.action} ${String(request.requestId)}`);
        return request.controller !== 'document';
      },
    });
    const now = kuzzle.server.now().pipe(map(() => 'n'));

    scheduler.expectObservable(settled(create(kuzzle, 'a')), '-^').toBe('-#', undefined, droppedBecause('filtered'));
    scheduler.expectObservable(now, '--^').toBe('------(n|)');
    // Connected: a request goes out at once, the filter is not asked.
    scheduler.expectObservable(create(kuzzle, 'b'), '-------^').toBe('--------(b|)');
    scheduler.expectObservable(wire).toBe('-----n-b');
    scheduler.expectObservable(eventLetters(kuzzle)).toBe('-fq--(pc)');
    scheduler.flush();
    expect(seen).toEqual(['document:create id-1', 'server:now id-2']);
  });

  it('gives the request it refuses to RequestDroppedError and to the dropped event', () => {
    scriptedServer();
    const { kuzzle, events } = connectingClient({ queueFilter: () => false });
    const response = observe(create(kuzzle, 'a'));

    expect(response.error).toBeInstanceOf(RequestDroppedError);
    const error = response.error as RequestDroppedError;
    expect(error.reason).toBe('filtered');
    expect(error.message).toBe('Request document:create dropped from the offline queue (filtered)');
    expect(error.request).toMatchObject({ controller: 'document', action: 'create', _id: 'a', requestId: 'id-1' });
    expect(events).toEqual([{ type: 'dropped', reason: 'filtered', request: error.request }]);
  });

  it('also sorts the requests startQueuing() holds on an open connection', () => {
    const scheduler = marbles();
    const wire = scriptedServer();
    const { kuzzle } = connectingClient({ queueFilter: (request: KuzzleRequest) => request['_id'] !== 'secret' });
    at(20, () => kuzzle.startQueuing());
    at(50, () => kuzzle.playQueue());

    scheduler.expectObservable(settled(create(kuzzle, 'secret')), '---^').toBe('---#', undefined, droppedBecause('filtered'));
    scheduler.expectObservable(create(kuzzle, 'a'), '----^').toBe('------(a|)');
    scheduler.expectObservable(wire).toBe('-----a');
    scheduler.flush();
  });

  it('fails the request with the exception the filter throws', () => {
    scriptedServer();
    const { kuzzle } = connectingClient({
      queueFilter: () => {
        throw new Error('filter broke');
      },
    });
    expect(nameAndMessage(observe(create(kuzzle, 'a')).error)).toEqual({ name: 'Error', message: 'filter broke' });
  });

  it('is refused at construction unless it is a function', () => {
    expect(invalidOptionOf(() => connectingClient({ queueFilter: 'documents' as unknown as () => boolean }))).toEqual({
      name: 'InvalidOptionError',
      field: 'Kuzzle.queueFilter',
      message: expect.stringMatching(/^Invalid option "Kuzzle.queueFilter": /) as unknown,
    });
  });
});

describe('startQueuing, playQueue, stopQueuing', () => {
  it('returns the client, so that calls chain as with the SDK', () => {
    const { kuzzle } = connectingClient();
    expect(kuzzle.startQueuing()).toBe(kuzzle);
    expect(kuzzle.playQueue()).toBe(kuzzle);
    expect(kuzzle.flushQueue()).toBe(kuzzle);
    expect(kuzzle.stopQueuing()).toBe(kuzzle);
  });

  it('holds the requests on an open connection; playQueue sends those held, in order; stopQueuing ends the hold', () => {
    const scheduler = marbles();
    const wire = scriptedServer();
    const { kuzzle } = connectingClient();
    at(20, () => kuzzle.startQueuing());
    at(50, () => kuzzle.playQueue());
    at(120, () => kuzzle.stopQueuing());

    scheduler.expectObservable(create(kuzzle, 'a'), '---^').toBe('------(a|)');
    scheduler.expectObservable(create(kuzzle, 'b'), '----^').toBe('------(b|)');
    // Made after playQueue(): held until stopQueuing().
    scheduler.expectObservable(create(kuzzle, 'c'), '----------^').toBe('-------------(c|)');
    // Made after stopQueuing(): sent at once.
    scheduler.expectObservable(create(kuzzle, 'd'), '-------------^').toBe('--------------(d|)');
    scheduler.expectObservable(wire).toBe('-----(ab)---cd');
    scheduler.expectObservable(eventLetters(kuzzle)).toBe('-c-qq(pp)-q-p');
    scheduler.flush();
  });

  it('does not send a held request whose caller unsubscribed', () => {
    const scheduler = marbles();
    const wire = scriptedServer();
    const { kuzzle } = connectingClient();
    at(20, () => kuzzle.startQueuing());
    at(60, () => kuzzle.playQueue());

    scheduler.expectObservable(create(kuzzle, 'a'), '---^-!').toBe('');
    scheduler.expectObservable(create(kuzzle, 'b'), '----^').toBe('-------(b|)');
    scheduler.expectObservable(wire).toBe('------b');
    scheduler.flush();
  });

  it('does not hold the restoration of subscriptions; what it holds waits for playQueue, and the subscriber hears it', () => {
    const scheduler = marbles();
    const wire = scriptedServer();
    const { kuzzle } = connectingClient();
    at(30, () => kuzzle.startQueuing());
    // The link drops at 50; the new socket is made at 100, opens at 110, and the subscription is restored at 120.
    at(50, () => FakeWebSocket.last.serverClose(1006, '', false));
    at(170, () => kuzzle.playQueue());

    scheduler.expectObservable(notifiedIds(kuzzle), '--^').toBe('------------------a');
    scheduler.expectObservable(create(kuzzle, 'a'), '----^').toBe('------------------(a|)');
    scheduler.expectObservable(wire).toBe('--s--------s-----a');
    scheduler.expectObservable(eventLetters(kuzzle)).toBe('-c-Sqd------(Rr)-p');
    scheduler.flush();
  });

  it('lets playQueue() during a reconnection release the held requests once connected', () => {
    const scheduler = marbles();
    const wire = scriptedServer();
    const { kuzzle } = connectingClient();
    at(20, () => kuzzle.startQueuing());
    at(40, () => FakeWebSocket.last.serverClose(1006, '', false)); // new socket at 90, open at 100
    at(60, () => kuzzle.playQueue());

    scheduler.expectObservable(create(kuzzle, 'a'), '---^').toBe('-----------(a|)');
    scheduler.expectObservable(wire).toBe('----------a');
    scheduler.flush();
  });

  it('drops a request made with queuable: false while holding, at once', () => {
    const scheduler = marbles();
    const wire = scriptedServer();
    const { kuzzle } = connectingClient();
    at(20, () => kuzzle.startQueuing());
    at(50, () => kuzzle.stopQueuing());

    scheduler
      .expectObservable(settled(create(kuzzle, 'a', { queuable: false })), '---^')
      .toBe('---#', undefined, droppedBecause('filtered'));
    scheduler.expectObservable(wire).toBe('');
    scheduler.expectObservable(eventLetters(kuzzle)).toBe('-c-f');
    scheduler.flush();
  });

  it('bounds the held requests by queueMaxSize and queueMaxAge', () => {
    const scheduler = marbles();
    scriptedServer();
    const { kuzzle } = connectingClient({ queueMaxSize: 1, queueMaxAge: 100, requestTimeout: 0 });
    at(20, () => kuzzle.startQueuing());

    scheduler.expectObservable(settled(create(kuzzle, 'a')), '---^').toBe('-------------#', undefined, droppedBecause('max-age'));
    scheduler.expectObservable(settled(create(kuzzle, 'b')), '----^').toBe('----#', undefined, droppedBecause('queue-full'));
    scheduler.expectObservable(eventLetters(kuzzle)).toBe('-c-qo--------m');
    scheduler.flush();
  });

  it('fails the held requests with NotConnectedError on disconnect()', () => {
    scriptedServer();
    const { kuzzle } = connectingClient();
    getTestScheduler().flush();
    kuzzle.startQueuing();
    const response = observe(create(kuzzle, 'a'));
    kuzzle.disconnect();
    expect(nameAndMessage(response.error)).toEqual({
      name: 'NotConnectedError',
      message: 'Cannot send document:create: the client went offline while the request waited',
    });
  });
});

describe('flushQueue', () => {
  it('drops every held request with RequestDroppedError (flushed), in order, each after a dropped event', () => {
    const scheduler = marbles();
    const wire = scriptedServer();
    const { kuzzle } = connectingClient();
    at(20, () => kuzzle.startQueuing());
    at(50, () => kuzzle.flushQueue());
    at(110, () => kuzzle.playQueue());

    scheduler.expectObservable(settled(create(kuzzle, 'a')), '---^').toBe('-----#', undefined, droppedBecause('flushed'));
    scheduler.expectObservable(settled(create(kuzzle, 'b')), '----^').toBe('-----#', undefined, droppedBecause('flushed'));
    // Made after the flush: held, then played.
    scheduler.expectObservable(create(kuzzle, 'c'), '----------^').toBe('------------(c|)');
    scheduler.expectObservable(wire).toBe('-----------c');
    scheduler.expectObservable(eventLetters(kuzzle)).toBe('-c-qq(xx)-qp');
    scheduler.flush();
  });

  it('drops the requests waiting for a reconnection too; those made afterwards go out once connected', () => {
    const scheduler = marbles();
    const wire = scriptedServer();
    const { kuzzle } = connectingClient();
    at(20, () => FakeWebSocket.last.serverClose(1006, '', false)); // new socket at 70, open at 80
    at(40, () => kuzzle.flushQueue());

    scheduler.expectObservable(settled(create(kuzzle, 'a')), '---^').toBe('----#', undefined, droppedBecause('flushed'));
    scheduler.expectObservable(create(kuzzle, 'b'), '-----^').toBe('---------(b|)');
    scheduler.expectObservable(wire).toBe('--------b');
    scheduler.expectObservable(eventLetters(kuzzle)).toBe('-cdqxq--(pr)');
    scheduler.flush();
  });

  it('puts the flushed request in its error and its dropped event', () => {
    scriptedServer();
    const { kuzzle, events } = connectingClient();
    const response = observe(create(kuzzle, 'a'));
    kuzzle.flushQueue();

    const error = response.error as RequestDroppedError;
    expect(error).toBeInstanceOf(RequestDroppedError);
    expect(error.message).toBe('Request document:create dropped from the offline queue (flushed)');
    expect(error.request).toMatchObject({ controller: 'document', action: 'create', _id: 'a', requestId: 'id-1' });
    expect(events).toEqual([
      { type: 'queued', request: error.request },
      { type: 'dropped', reason: 'flushed', request: error.request },
    ]);
  });
});
