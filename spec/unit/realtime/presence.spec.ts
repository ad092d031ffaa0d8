import type { Observable } from 'rxjs';
import type { Presence } from '../../../src/realtime/types';
import { clientHarness, errorsByNameAndMessage, nameAndMessage, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';
import { documentNotification } from '../../support/notification-frames';
import { at, CHANNEL, connectingClient, dropAt, marbles, scriptedServer, userNotification } from './scripted-server';

// On the wire: s = realtime:subscribe, c = realtime:count, u = realtime:unsubscribe. The presence subscription goes out
// at 10 ms and is acknowledged at 20 ms; its first count is asked for then and answered at 30 ms (see scriptedServer).

/** The server sends a user notification on the room's channel at `time` (ms). */
function userAt(time: number, user: 'in' | 'out', count: number, volatile: Record<string, unknown> | null = null): void {
  at(time, () => FakeWebSocket.last.receiveJson(userNotification(user, count, volatile)));
}

const counted = (count: number): Presence => ({ count });

beforeEach(() => FakeWebSocket.reset());

describe('realtime.presence() in virtual time', () => {
  it('starts with the count of the room once its subscription is live', () => {
    const scheduler = marbles();
    const wire = scriptedServer({ counts: [3] });
    const kuzzle = connectingClient();

    scheduler.expectObservable(wire).toBe('-sc');
    scheduler.expectObservable(kuzzle.realtime.presence('i', 'c')).toBe('---a', { a: counted(3) });
    scheduler.flush();
  });

  it('emits each join and leave with the count it carries and the volatile data of who came or went', () => {
    const scheduler = marbles();
    scriptedServer({ counts: [1] });
    const kuzzle = connectingClient();
    userAt(50, 'in', 2, { nick: 'ada' });
    userAt(70, 'out', 1, { nick: 'ada' });

    scheduler.expectObservable(kuzzle.realtime.presence('i', 'c')).toBe('---a-b-c', {
      a: counted(1),
      b: { count: 2, event: { user: 'in', volatile: { nick: 'ada' } } },
      c: { count: 1, event: { user: 'out', volatile: { nick: 'ada' } } },
    });
    scheduler.flush();
  });

  it('fetches the count again after every restoration, and emits it', () => {
    const scheduler = marbles();
    const wire = scriptedServer({ counts: [3, 5, 2] });
    const kuzzle = connectingClient();
    dropAt(60); // the new socket: open at 120, the subscription restored at 130, counted at 140
    dropAt(170); // the next one: open at 230, restored at 240, counted at 250

    scheduler.expectObservable(wire).toBe('-sc---------sc---------sc');
    scheduler
      .expectObservable(kuzzle.realtime.presence('i', 'c'))
      .toBe('---a----------b----------c', { a: counted(3), b: counted(5), c: counted(2) });
    scheduler.flush();
  });

  it('takes a join that arrives while the count is fetched over that count, which may predate it', () => {
    const scheduler = marbles();
    // The count is answered at 50 with what the server counted before the join it notified at 40.
    const wire = scriptedServer({ counts: [1], answerDelay: { 'realtime:count': 30 } });
    const kuzzle = connectingClient();
    userAt(40, 'in', 2, null);

    scheduler.expectObservable(wire).toBe('-sc');
    scheduler
      .expectObservable(kuzzle.realtime.presence('i', 'c'))
      .toBe('----a', { a: { count: 2, event: { user: 'in', volatile: null } } });
    scheduler.flush();
  });

  it('drops a count still being fetched when the link is lost, and fetches it once on the new socket', () => {
    const scheduler = marbles();
    const wire = scriptedServer({ counts: [7, 4], answerDelay: { 'realtime:count': 50 } });
    const kuzzle = connectingClient();
    dropAt(40); // the new socket: open at 100, restored at 110, counted at 160

    scheduler.expectObservable(wire).toBe('-sc-------sc');
    scheduler.expectObservable(kuzzle.realtime.presence('i', 'c')).toBe('----------------a', { a: counted(4) });
    scheduler.flush();
  });

  it('shares the subscription between presences of the same room, each starting with a count', () => {
    const scheduler = marbles();
    const wire = scriptedServer({ counts: [1, 1] });
    const kuzzle = connectingClient();
    const presence = kuzzle.realtime.presence('i', 'c', { equals: { team: 'blue' } });

    scheduler.expectObservable(wire).toBe('-sc--c----u');
    scheduler.expectObservable(presence, '^--------!').toBe('---a', { a: counted(1) });
    scheduler.expectObservable(presence, '-----^----!').toBe('------a', { a: counted(1) });
    scheduler.flush();
  });

  it('ignores document notifications on its room', () => {
    const scheduler = marbles();
    scriptedServer({ counts: [1] });
    const kuzzle = connectingClient();
    at(50, () => FakeWebSocket.last.receiveJson(documentNotification(CHANNEL, 'd1')));
    userAt(60, 'in', 2);

    scheduler
      .expectObservable(kuzzle.realtime.presence('i', 'c'))
      .toBe('---a--b', { a: counted(1), b: { count: 2, event: { user: 'in', volatile: null } } });
    scheduler.flush();
  });

  it('errors with SubscriptionLostError when the server refuses to restore its subscription', () => {
    const scheduler = marbles();
    scriptedServer({ refuseSubscribeFrom: 2, counts: [1] });
    const kuzzle = connectingClient();
    dropAt(60);

    scheduler.expectObservable(errorsByNameAndMessage(kuzzle.realtime.presence('i', 'c'))).toBe(
      '---a---------#',
      { a: counted(1) },
      {
        name: 'SubscriptionLostError',
        message: 'Subscription room-1 lost: Unauthorized',
      },
    );
    scheduler.flush();
  });
});

describe('realtime.presence() requests', () => {
  it('subscribes with users: all and scope: none, with the volatile data given', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    observe(kuzzle.realtime.presence('i', 'c', { equals: { team: 'blue' } }, { volatile: { nick: 'ada' } }));

    expect(socket.lastRequest).toMatchObject({
      controller: 'realtime',
      action: 'subscribe',
      index: 'i',
      collection: 'c',
      body: { equals: { team: 'blue' } },
      scope: 'none',
      users: 'all',
      volatile: { nick: 'ada' },
    });
  });

  it('refuses bad arguments and options before sending anything', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const calls: Array<[() => Observable<unknown>, { name: string; message: string }]> = [
      [
        () => kuzzle.realtime.presence('i', ''),
        {
          name: 'InvalidRequestError',
          message: 'Invalid request: realtime.presence: collection must be a non-empty string, got an empty string',
        },
      ],
      [
        () => kuzzle.realtime.presence('i', 'c', [] as never),
        { name: 'InvalidRequestError', message: 'Invalid request: realtime.presence: filters must be an object, got an array' },
      ],
      [
        () => kuzzle.realtime.presence('i', 'c', {}, { users: 'none' } as never),
        { name: 'InvalidOptionError', message: 'Invalid option "PresenceOptions": unknown option(s) users' },
      ],
    ];
    for (const [call, expected] of calls) expect(nameAndMessage(observe(call()).error)).toEqual(expected);
    expect(socket.requests).toEqual([]);
  });
});
