import { filter, map, merge, type Observable, share, switchMap, take, takeWhile } from 'rxjs';
import type { KuzzleEvent } from '../../../src/vocabulary/events';
import type { Kuzzle } from '../../../src/client/kuzzle';
import type { Notification } from '../../../src/vocabulary/notifications';
import type { SubscriptionEvent, SubscriptionStatus } from '../../../src/vocabulary/subscription-status';
import { clientHarness, errorsByNameAndMessage, nameAndMessage, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';
import { documentNotification } from '../../support/notification-frames';
import { at, CHANNEL, connectingClient, dropAt, marbles, notifyAt, ROOM_ID, scriptedServer } from './scripted-server';

// Statuses as letters: p = pending, l = live, x = restoring, L = live again (restored); a notification is its
// document's id (a, b, c). The connection's events, where a test merges them in: D = disconnected, C = reconnected.

const statusLetter = (status: SubscriptionStatus): string =>
  status.state === 'pending' ? 'p' : status.state === 'restoring' ? 'x' : status.restored ? 'L' : 'l';

const letters = (source: Observable<SubscriptionEvent | Notification>): Observable<string> =>
  source.pipe(
    map((event) => (event.type === 'status' ? statusLetter(event) : event.type === 'document' ? String(event.result._id) : event.type)),
  );

const eventLetters: Partial<Record<KuzzleEvent['type'], string>> = { disconnected: 'D', reconnected: 'C' };
const lifecycle = (kuzzle: Kuzzle): Observable<string> =>
  kuzzle.events$.pipe(
    map((event) => eventLetters[event.type]),
    filter((letter): letter is string => letter !== undefined),
  );

const LIVE = { type: 'status', state: 'live', roomId: ROOM_ID, channel: CHANNEL, restored: false };

beforeEach(() => FakeWebSocket.reset());

describe('realtime.subscribeWithStatus() in virtual time', () => {
  it('is pending until the server acknowledges the subscription, then live with its room and channel', () => {
    const scheduler = marbles();
    const wire = scriptedServer();
    const kuzzle = connectingClient();
    const values = { p: { type: 'status', state: 'pending' }, l: LIVE, a: 'a' };
    const room = kuzzle.realtime.subscribeWithStatus('i', 'c').pipe(map((e) => (e.type === 'document' ? String(e.result._id) : e)));
    notifyAt(50, 'a');

    scheduler.expectObservable(wire).toBe('-s');
    scheduler.expectObservable(room).toBe('p-l--a', values);
    scheduler.flush();
  });

  it('tells a subscriber joining a live room that it is live at once, without pending, on the same server subscription', () => {
    const scheduler = marbles();
    const wire = scriptedServer();
    const kuzzle = connectingClient();
    const room = letters(kuzzle.realtime.subscribeWithStatus('i', 'c'));
    notifyAt(60, 'a');

    scheduler.expectObservable(wire).toBe('-s');
    scheduler.expectObservable(room).toBe('p-l---a');
    scheduler.expectObservable(room, '----^').toBe('----l-a');
    scheduler.flush();
  });

  it('tells a subscriber joining a pending room that it is pending, and both that it is live at the acknowledgement', () => {
    const scheduler = marbles();
    const wire = scriptedServer({ answerDelay: { 'realtime:subscribe': 30 } });
    const kuzzle = connectingClient();
    const room = letters(kuzzle.realtime.subscribeWithStatus('i', 'c'));

    scheduler.expectObservable(wire).toBe('-s');
    scheduler.expectObservable(room).toBe('p---l');
    scheduler.expectObservable(room, '--^').toBe('--p-l');
    scheduler.flush();
  });

  it('is restoring as soon as the link is lost, and live again (restored) on the new socket before reconnected', () => {
    const scheduler = marbles();
    const wire = scriptedServer();
    const kuzzle = connectingClient();
    const room = letters(kuzzle.realtime.subscribeWithStatus('i', 'c'));
    notifyAt(40, 'a');
    dropAt(60); // the new socket: created at 110, open at 120, the subscription restored at 130
    notifyAt(180, 'b');

    scheduler.expectObservable(wire).toBe('-s----------s');
    scheduler.expectObservable(merge(room, lifecycle(kuzzle))).toBe('p-l-a-(Dx)---(LC)-b');
    scheduler.flush();
  });

  it('reports the room and channel it is restoring, and the ones it was restored with', () => {
    // The server answered by hand: the channel changes on the new socket.
    const { kuzzle, connect, reconnect } = clientHarness();
    const socket = connect();
    const statuses = observe(
      kuzzle.realtime.subscribeWithStatus('i', 'c').pipe(filter((e): e is SubscriptionStatus => e.type === 'status')),
    );
    socket.respond(socket.lastRequest, { roomId: 'r1', channel: 'r1-111' });
    const next = reconnect();
    next.respond(next.lastRequest, { roomId: 'r1', channel: 'r1-111-b' });

    expect(statuses.values).toEqual([
      { type: 'status', state: 'pending' },
      { type: 'status', state: 'live', roomId: 'r1', channel: 'r1-111', restored: false },
      { type: 'status', state: 'restoring', roomId: 'r1', channel: 'r1-111' },
      { type: 'status', state: 'live', roomId: 'r1', channel: 'r1-111-b', restored: true },
    ]);
  });

  it('is restoring then restored at each of two reconnections in a row', () => {
    const scheduler = marbles();
    const wire = scriptedServer();
    const kuzzle = connectingClient();
    const room = letters(kuzzle.realtime.subscribeWithStatus('i', 'c'));
    dropAt(60); // restored at 130
    dropAt(170); // the next socket: created at 220, open at 230, restored at 240
    notifyAt(280, 'a');

    scheduler.expectObservable(wire).toBe('-s----------s----------s');
    scheduler.expectObservable(merge(room, lifecycle(kuzzle))).toBe('p-l---(Dx)---(LC)(Dx)---(LC)a');
    scheduler.flush();
  });

  it('stays restoring, told once, when the link drops again before the restoration is acknowledged', () => {
    const scheduler = marbles();
    const wire = scriptedServer({ answerDelay: { 'realtime:subscribe': 20 } });
    const kuzzle = connectingClient();
    const room = letters(kuzzle.realtime.subscribeWithStatus('i', 'c'));
    dropAt(60); // the new socket opens at 120, sends the restoration, and drops at 130 before its answer
    dropAt(130); // the next one: created at 180, open at 190, restored at 210

    scheduler.expectObservable(wire).toBe('-s----------s------s');
    scheduler.expectObservable(room).toBe('p--l--x--------------L');
    scheduler.flush();
  });

  it('tells a subscriber joining a restoring room that it is restoring, at once', () => {
    const scheduler = marbles();
    scriptedServer();
    const kuzzle = connectingClient();
    const room = letters(kuzzle.realtime.subscribeWithStatus('i', 'c'));
    dropAt(60);

    scheduler.expectObservable(room).toBe('p-l---x------L');
    scheduler.expectObservable(room, '--------^').toBe('--------x----L');
    scheduler.flush();
  });

  it('is restoring, then restored, when the authenticator renews an expired session', () => {
    const scheduler = marbles();
    const wire = scriptedServer();
    const kuzzle = connectingClient({ authenticator: () => kuzzle.auth.login('local', { username: 'u', password: 'p' }) });
    const room = letters(kuzzle.realtime.subscribeWithStatus('i', 'c'));
    at(50, () =>
      FakeWebSocket.last.receiveJson({
        status: 200,
        info: 'This is an automated server notification',
        message: 'Authentication Token Expired',
        type: 'TokenExpired',
        room: 'kuzzle:notification:server',
      }),
    );

    scheduler.expectObservable(wire).toBe('-s---ls');
    scheduler.expectObservable(room).toBe('p-l---xL');
    scheduler.flush();
  });

  describe('a subscriber that leaves on hearing a status', () => {
    const isLive = (e: SubscriptionEvent, restored: boolean) => e.type === 'status' && e.state === 'live' && e.restored === restored;

    it('unsubscribes on the server at once when it leaves on hearing live', () => {
      const scheduler = marbles();
      const wire = scriptedServer();
      const kuzzle = connectingClient();
      const room = letters(kuzzle.realtime.subscribeWithStatus('i', 'c').pipe(takeWhile((e) => !isLive(e, false), true)));

      scheduler.expectObservable(wire).toBe('-su');
      scheduler.expectObservable(room).toBe('p-(l|)');
      scheduler.flush();
    });

    it('unsubscribes on the new socket at once when it leaves on hearing restored', () => {
      const scheduler = marbles();
      const wire = scriptedServer();
      const kuzzle = connectingClient();
      const room = letters(kuzzle.realtime.subscribeWithStatus('i', 'c').pipe(takeWhile((e) => !isLive(e, true), true)));
      dropAt(60);

      scheduler.expectObservable(wire).toBe('-s----------su');
      scheduler.expectObservable(room).toBe('p-l---x------(L|)');
      scheduler.flush();
    });

    it('is told live once when it joins from a handler of the subscribed event', () => {
      const scheduler = marbles();
      scriptedServer();
      const kuzzle = connectingClient();
      const joined: string[] = [];
      kuzzle.events$
        .pipe(
          filter((e) => e.type === 'subscribed'),
          take(1),
        )
        .subscribe(() => {
          letters(kuzzle.realtime.subscribeWithStatus('i', 'c')).subscribe((letter) => joined.push(letter));
        });

      scheduler.expectObservable(letters(kuzzle.realtime.subscribeWithStatus('i', 'c'))).toBe('p-l');
      scheduler.flush();
      expect(joined).toEqual(['l']);
    });
  });

  describe('ends as subscribe() does', () => {
    it('errors with SubscriptionLostError when the server refuses the restoration, after restoring', () => {
      const scheduler = marbles();
      const wire = scriptedServer({ refuseSubscribeFrom: 2 });
      const kuzzle = connectingClient();
      const withStatus = errorsByNameAndMessage(letters(kuzzle.realtime.subscribeWithStatus('i', 'c')));
      const plain = errorsByNameAndMessage(letters(kuzzle.realtime.subscribe('i', 'c')));
      dropAt(60);
      const lost = { name: 'SubscriptionLostError', message: 'Subscription room-1 lost: Unauthorized' };

      scheduler.expectObservable(wire).toBe('-s----------s');
      scheduler.expectObservable(withStatus).toBe('p-l---x------#', undefined, lost);
      scheduler.expectObservable(plain).toBe('-------------#', undefined, lost);
      scheduler.flush();
    });

    it('errors with the KuzzleError of a refused subscription, after pending', () => {
      const scheduler = marbles();
      scriptedServer({ refuseSubscribeFrom: 1 });
      const kuzzle = connectingClient();

      scheduler.expectObservable(errorsByNameAndMessage(letters(kuzzle.realtime.subscribeWithStatus('i', 'c')))).toBe('p-#', undefined, {
        name: 'KuzzleError',
        message: 'Unauthorized',
      });
      scheduler.flush();
    });

    it('errors with SubscriptionLostError when the client goes offline', () => {
      const { kuzzle, connect } = clientHarness();
      const socket = connect();
      const events = observe(kuzzle.realtime.subscribeWithStatus('i', 'c'));
      socket.respond(socket.lastRequest, { roomId: 'r1', channel: 'r1-111' });
      kuzzle.disconnect();

      expect(events.values.map((e) => (e.type === 'status' ? e.state : e.type))).toEqual(['pending', 'live']);
      expect(nameAndMessage(events.error)).toEqual({
        name: 'SubscriptionLostError',
        message: 'Subscription r1 lost: disconnect() was called',
      });
    });

    it('refuses bad arguments and options before sending anything', () => {
      const { kuzzle, connect } = clientHarness();
      const socket = connect();
      const calls: Array<[() => Observable<unknown>, { name: string; message: string }]> = [
        [
          () => kuzzle.realtime.subscribeWithStatus('', 'c'),
          {
            name: 'InvalidRequestError',
            message: 'Invalid request: realtime.subscribeWithStatus: index must be a non-empty string, got an empty string',
          },
        ],
        [
          () => kuzzle.realtime.subscribeWithStatus('i', 'c', null as never),
          { name: 'InvalidRequestError', message: 'Invalid request: realtime.subscribeWithStatus: filters must be an object, got null' },
        ],
        [
          () => kuzzle.realtime.subscribeWithStatus('i', 'c', {}, { scope: 'some' as never }),
          {
            name: 'InvalidOptionError',
            message: 'Invalid option "SubscribeOptions.scope": must be one of "all", "in", "out", "none", got "some"',
          },
        ],
      ];
      for (const [call, expected] of calls) expect(nameAndMessage(observe(call()).error)).toEqual(expected);
      expect(socket.requests).toEqual([]);
    });
  });

  describe('beside plain subscribe()', () => {
    it('shares the server subscription with plain subscribers, who get the notifications and no status', () => {
      const scheduler = marbles();
      const wire = scriptedServer();
      const kuzzle = connectingClient();
      const withStatus = letters(kuzzle.realtime.subscribeWithStatus('i', 'c', { equals: { color: 'red' } }));
      const plain = letters(kuzzle.realtime.subscribe('i', 'c', { equals: { color: 'red' } }));
      notifyAt(40, 'a');
      dropAt(60);
      notifyAt(150, 'b');

      scheduler.expectObservable(wire).toBe('-s----------s--------------u');
      scheduler.expectObservable(withStatus, '^-------------------!').toBe('p-l-a-x------L-b');
      scheduler.expectObservable(plain, '---^-----------------------!').toBe('----a----------b');
      scheduler.flush();
    });

    it('leaves plain subscribers of a room without statuses when a status subscriber joins and leaves it', () => {
      const scheduler = marbles();
      const wire = scriptedServer();
      const kuzzle = connectingClient();
      const plain = letters(kuzzle.realtime.subscribe('i', 'c'));
      const withStatus = letters(kuzzle.realtime.subscribeWithStatus('i', 'c'));
      notifyAt(50, 'a');
      notifyAt(90, 'b');

      scheduler.expectObservable(wire).toBe('-s');
      scheduler.expectObservable(plain).toBe('-----a---b');
      scheduler.expectObservable(withStatus, '---^----!').toBe('---l-a');
      scheduler.flush();
    });
  });

  it('delivers a notification that follows the acknowledgement after the live status: "once live, fetch" has no race', () => {
    const scheduler = marbles();
    // The server's next frame after the acknowledgement, in the same instant: a notification.
    const wire = scriptedServer({
      afterSubscribe: (socket) => socket.receiveJson(documentNotification(CHANNEL, 'a')),
      answerDelay: { 'server:now': 50 },
    });
    const kuzzle = connectingClient();
    const events$ = kuzzle.realtime.subscribeWithStatus('i', 'c').pipe(share());
    // Once live, fetch: the fetch goes out (n on the wire) before the notification is delivered; answered at 70.
    const fetched = events$.pipe(
      filter((e) => e.type === 'status' && e.state === 'live'),
      take(1),
      switchMap(() => kuzzle.server.now()),
      map(() => 'f'),
    );

    scheduler.expectObservable(merge(letters(events$), wire, fetched)).toBe('ps(lna)f');
    scheduler.flush();
  });
});
