import { cold } from 'jasmine-marbles';
import { map, type Observable, Subject, takeWhile, throwError } from 'rxjs';
import { RoomRegistry } from '../../../src/realtime/room-registry';
import type { RoomSpec } from '../../../src/realtime/room';
import { ConnectionLostError } from '../../../src/vocabulary/errors/client-errors';
import type { KuzzleEvent } from '../../../src/vocabulary/events';
import type { Notification } from '../../../src/vocabulary/notifications';
import type { KuzzleResponse } from '../../../src/vocabulary/request';
import type { SubscriptionEvent } from '../../../src/vocabulary/subscription-status';
import { errorsByNameAndMessage } from '../../support/client-harness';
import { documentNotification } from '../../support/notification-frames';
import { at, marbles } from './scripted-server';

// The registry on its own, in virtual time (one marble frame is 10 virtual ms). Its requests are cold observables:
// what a test scripts as the server's answer, and whose subscription marbles show when a request was sent and until
// when it was awaited. On the wire: s = realtime:subscribe, u = realtime:unsubscribe, in capitals when sent ahead of
// the offline queue (the client is restoring, not connected yet). Its events: a = subscribed, r = resubscribed.
// Statuses: p = pending, l = live, x = restoring, L = live again (restored); a notification is its document's id.

const SPEC: RoomSpec = { index: 'i', collection: 'c', filters: {}, scope: 'all', users: 'none', volatile: undefined };
const ROOM = { roomId: 'room-1', channel: 'room-1-a' };

const answer = (result: { roomId: string; channel?: string }): KuzzleResponse =>
  ({ requestId: 'q', status: 200, result }) as KuzzleResponse;
/** An answer to a subscribe request, `frames` after it is sent. */
const acknowledge = (marble: string, result = ROOM) => cold(marble, { a: answer(result) });

interface Script {
  /** The answers to the successive subscribe requests. @default each answered one frame after it is sent */
  readonly subscribes?: readonly Observable<KuzzleResponse>[];
  /** The answer to every unsubscribe request. @default one frame after it is sent */
  readonly unsubscribe?: Observable<KuzzleResponse>;
}

/** A registry whose requests are scripted; `connected` says what `isConnected()` answers. */
function rig(script: Script = {}) {
  const wire = new Subject<string>();
  const state = { connected: true };
  let subscribes = 0;
  const registry = new RoomRegistry({
    request: (request, _options, bypassQueue) => {
      const letter = request.action === 'subscribe' ? 's' : 'u';
      wire.next(bypassQueue ? letter.toUpperCase() : letter);
      if (request.action === 'subscribe') return script.subscribes?.[subscribes++] ?? acknowledge('-(a|)');
      return script.unsubscribe ?? cold('-(a|)', { a: answer({ roomId: ROOM.roomId }) });
    },
    instanceId: 'me',
    isConnected: () => state.connected,
  });
  const events = registry.events$.pipe(map((event: KuzzleEvent) => (event.type === 'subscribed' ? 'a' : 'r')));
  return { registry, wire: wire.asObservable(), events, state };
}

const letters = (source: Observable<SubscriptionEvent | Notification>): Observable<string> =>
  source.pipe(
    map((event) => {
      if (event.type === 'document') return String(event.result._id);
      if (event.type !== 'status') return event.type;
      return event.state === 'pending' ? 'p' : event.state === 'restoring' ? 'x' : event.restored ? 'L' : 'l';
    }),
  );

/** The server sends a notification about document `id` on `channel` at `time` (ms); records whether it was routed. */
function notifyAt(registry: RoomRegistry, time: number, id: string, channel = ROOM.channel, routed: boolean[] = []): boolean[] {
  at(time, () => routed.push(registry.dispatch(documentNotification(channel, id) as unknown as Notification)));
  return routed;
}

const isStatus = (event: SubscriptionEvent, state: 'live' | 'restoring', restored = false) =>
  event.type === 'status' && event.state === state && (state === 'restoring' || (event.state === 'live' && event.restored === restored));

describe('RoomRegistry in virtual time', () => {
  describe('a room and its subscribe request', () => {
    it('sends one subscribe request at its first subscriber, and delivers to every subscriber once acknowledged', () => {
      const scheduler = marbles();
      const request = acknowledge('--(a|)');
      const { registry, wire, events } = rig({ subscribes: [request] });
      const room = letters(registry.observe(SPEC, true));
      const routed = notifyAt(registry, 20, 'z');
      notifyAt(registry, 40, 'b', ROOM.channel, routed);

      scheduler.expectObservable(wire).toBe('-s');
      scheduler.expectObservable(events).toBe('---a');
      scheduler.expectSubscriptions(request.getSubscriptions()).toBe('-^-!');
      scheduler.expectObservable(room, '-^').toBe('----b');
      scheduler.expectObservable(room, '--^').toBe('----b');
      scheduler.flush();
      // Before the acknowledgement the channel is unknown: the notification is not for this client.
      expect(routed).toEqual([false, true]);
    });

    it('keeps its request when every subscriber left before the acknowledgement, then unsubscribes the roomId it gets', () => {
      const scheduler = marbles();
      const request = acknowledge('---(a|)');
      const { registry, wire, events } = rig({ subscribes: [request] });
      const routed = notifyAt(registry, 50, 'z');

      scheduler.expectObservable(wire).toBe('s--u');
      scheduler.expectObservable(events).toBe('---a');
      scheduler.expectObservable(registry.observe(SPEC, true), '^!').toBe('');
      scheduler.expectSubscriptions(request.getSubscriptions()).toBe('^--!');
      scheduler.flush();
      expect(routed).toEqual([false]);
    });

    it('unsubscribes at once when the last subscriber of a live room leaves, and stops routing its channel', () => {
      const scheduler = marbles();
      const unsubscribe = cold('-(a|)', { a: answer({ roomId: ROOM.roomId }) });
      const { registry, wire } = rig({ unsubscribe });
      const room = letters(registry.observe(SPEC, true));
      const routed = notifyAt(registry, 30, 'b');
      notifyAt(registry, 70, 'z', ROOM.channel, routed);

      scheduler.expectObservable(wire).toBe('s-----u');
      scheduler.expectObservable(room, '^----!').toBe('---b');
      scheduler.expectObservable(room, '^-----!').toBe('---b');
      scheduler.expectSubscriptions(unsubscribe.getSubscriptions()).toBe('------^!');
      scheduler.flush();
      expect(routed).toEqual([true, false]);
    });

    it('keeps the roomId on the server while another of its rooms (another scope) uses it', () => {
      const scheduler = marbles();
      const { registry, wire } = rig({
        subscribes: [acknowledge('-(a|)'), acknowledge('-(a|)', { roomId: 'room-1', channel: 'room-1-in' })],
      });
      const entering = letters(registry.observe({ ...SPEC, scope: 'in' }, true));
      notifyAt(registry, 60, 'b', 'room-1-in');

      scheduler.expectObservable(wire).toBe('(ss)---u');
      scheduler.expectObservable(registry.observe(SPEC, true), '^---!').toBe('');
      scheduler.expectObservable(entering, '^------!').toBe('------b');
      scheduler.flush();
    });

    it('errors at once, told no status, when its request cannot even be sent', () => {
      const scheduler = marbles();
      const { registry } = rig({ subscribes: [throwError(() => new Error('the client is offline'))] });

      scheduler
        .expectObservable(errorsByNameAndMessage(letters(registry.observeWithStatus(SPEC, true))))
        .toBe('#', undefined, { name: 'Error', message: 'the client is offline' });
      scheduler.flush();
    });

    it('stays pending through a link loss: the client sends its request again', () => {
      const scheduler = marbles();
      const { registry, wire } = rig({ subscribes: [acknowledge('----(a|)')] });
      at(20, () => registry.suspend());

      scheduler.expectObservable(wire).toBe('s');
      scheduler.expectObservable(letters(registry.observeWithStatus(SPEC, true))).toBe('p---l');
      scheduler.flush();
    });
  });

  describe('restoration', () => {
    it('is restoring from the link loss, restored on the new socket ahead of the queue; restore$ ends once it is answered', () => {
      const scheduler = marbles();
      const { registry, wire, events } = rig({
        subscribes: [acknowledge('-(a|)'), acknowledge('--(a|)', { roomId: 'room-1', channel: 'room-1-b' })],
      });
      at(30, () => registry.suspend());
      const routed = notifyAt(registry, 80, 'b', 'room-1-b');
      notifyAt(registry, 90, 'z', ROOM.channel, routed);

      scheduler.expectObservable(wire).toBe('s----S');
      scheduler.expectObservable(events).toBe('-a-----r');
      scheduler.expectObservable(letters(registry.observeWithStatus(SPEC, true))).toBe('pl-x---Lb');
      scheduler.expectObservable(registry.restore$(), '-----^').toBe('-------|');
      scheduler.flush();
      expect(routed).toEqual([true, false]);
    });

    it('tells a room still live (the server dropped it: token expiry) restoring before restoring it', () => {
      const scheduler = marbles();
      const { registry, wire } = rig({ subscribes: [acknowledge('-(a|)'), acknowledge('--(a|)')] });

      scheduler.expectObservable(wire).toBe('s----S');
      scheduler.expectObservable(letters(registry.observeWithStatus(SPEC, true))).toBe('pl---x-L');
      scheduler.expectObservable(registry.restore$(), '-----^').toBe('-------|');
      scheduler.flush();
    });

    it('sends nothing for a room whose watcher left on hearing restoring', () => {
      const scheduler = marbles();
      const { registry, wire } = rig();
      const room = registry.observeWithStatus(SPEC, true).pipe(takeWhile((e) => !isStatus(e, 'restoring'), true));
      at(30, () => registry.suspend());

      scheduler.expectObservable(wire).toBe('s');
      scheduler.expectObservable(letters(room)).toBe('pl-(x|)');
      scheduler.expectObservable(registry.restore$(), '-----^').toBe('-----|');
      scheduler.flush();
    });

    it('unsubscribes a room left while it was restored once that is acknowledged, without holding restore$ back', () => {
      const scheduler = marbles();
      const unsubscribe = cold('--(a|)', { a: answer({ roomId: ROOM.roomId }) });
      const { registry, wire, events, state } = rig({ subscribes: [acknowledge('-(a|)'), acknowledge('--(a|)')], unsubscribe });
      at(30, () => {
        state.connected = false;
        registry.suspend();
      });

      scheduler.expectObservable(wire).toBe('s---S-U');
      scheduler.expectObservable(events).toBe('-a');
      scheduler.expectObservable(registry.observe(SPEC, true), '^----!').toBe('');
      scheduler.expectObservable(registry.restore$(), '----^').toBe('------|');
      scheduler.expectSubscriptions(unsubscribe.getSubscriptions()).toBe('------^-!');
      scheduler.flush();
    });

    it('unsubscribes at once, ahead of the queue, a room whose watcher leaves on hearing restored, and reports no resubscription', () => {
      const scheduler = marbles();
      const { registry, wire, events, state } = rig({ subscribes: [acknowledge('-(a|)'), acknowledge('--(a|)')] });
      const room = registry.observeWithStatus(SPEC, true).pipe(takeWhile((e) => !isStatus(e, 'live', true), true));
      at(30, () => {
        state.connected = false;
        registry.suspend();
      });

      scheduler.expectObservable(wire).toBe('s---S-U');
      scheduler.expectObservable(events).toBe('-a');
      scheduler.expectObservable(letters(room)).toBe('pl-x--(L|)');
      scheduler.expectObservable(registry.restore$(), '----^').toBe('------|');
      scheduler.flush();
    });

    it('errors the subscribers with SubscriptionLostError when the server refuses the restoration', () => {
      const scheduler = marbles();
      const refused = cold('--#', undefined, new Error('Unauthorized'));
      const { registry } = rig({ subscribes: [acknowledge('-(a|)'), refused] });
      at(30, () => registry.suspend());

      scheduler
        .expectObservable(errorsByNameAndMessage(letters(registry.observeWithStatus(SPEC, true))))
        .toBe('pl-x---#', undefined, { name: 'SubscriptionLostError', message: 'Subscription room-1 lost: Unauthorized' });
      scheduler.expectObservable(registry.restore$(), '-----^').toBe('-------|');
      scheduler.flush();
    });

    it('keeps restoring a room whose restoration the link dropped, and restores it on the next socket', () => {
      const scheduler = marbles();
      const lost = cold('--#', undefined, new ConnectionLostError({ controller: 'realtime', action: 'subscribe' }));
      const { registry, wire } = rig({ subscribes: [acknowledge('-(a|)'), lost, acknowledge('-(a|)')] });
      at(30, () => registry.suspend());
      at(70, () => registry.suspend());

      scheduler.expectObservable(wire).toBe('s----S---S');
      scheduler.expectObservable(letters(registry.observeWithStatus(SPEC, true))).toBe('pl-x------L');
      scheduler.expectObservable(registry.restore$(), '-----^').toBe('-------|');
      scheduler.expectObservable(registry.restore$(), '---------^').toBe('----------|');
      scheduler.flush();
    });
  });

  describe('failAll', () => {
    it('errors every room with the error made for it, and unsubscribes one acknowledged after it failed', () => {
      const scheduler = marbles();
      const { registry, wire } = rig({
        subscribes: [acknowledge('-(a|)'), acknowledge('----(a|)', { roomId: 'room-2', channel: 'room-2-a' })],
      });
      at(20, () => registry.failAll((room) => new Error(`lost ${room.roomId ?? '(pending)'}`)));

      scheduler.expectObservable(wire).toBe('(ss)u');
      scheduler
        .expectObservable(errorsByNameAndMessage(registry.observe(SPEC, true)))
        .toBe('--#', undefined, { name: 'Error', message: 'lost room-1' });
      scheduler
        .expectObservable(errorsByNameAndMessage(registry.observe({ ...SPEC, filters: { exists: 'f' } }, true)))
        .toBe('--#', undefined, { name: 'Error', message: 'lost (pending)' });
      scheduler.flush();
    });
  });
});
