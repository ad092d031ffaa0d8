import { CLOSED, PENDING, type RoomState, statusOf } from '../../../src/realtime/rooms/room-state';
import { type RoomEffect, type RoomEvent, roomTransition } from '../../../src/realtime/rooms/room-transition';
import { SubscriptionLostError } from '../../../src/vocabulary/errors/client-errors';
import { nameAndMessage } from '../../support/client-harness';

// The life of a room, one row per (state, event): the state it moves to and the effects it asks for, in order.

const live = { kind: 'live', roomId: 'r1', channel: 'r1-a' } as const satisfies RoomState;
const restoring = { kind: 'restoring', roomId: 'r1', channel: 'r1-a' } as const satisfies RoomState;
const first = { roomId: 'r1', channel: 'r1-a' };
const again = { roomId: 'r1', channel: 'r1-b' };
const refusal = new Error('Unauthorized');
const offline = new Error('disconnect() was called');

const events = {
  acknowledged: { type: 'acknowledged', result: first },
  refused: { type: 'refused', error: refusal },
  linkLost: { type: 'linkLost' },
  restoreStarted: { type: 'restoreStarted' },
  restored: { type: 'restored', result: again },
  lastSubscriberLeft: { type: 'lastSubscriberLeft' },
  failed: { type: 'failed', error: offline },
} satisfies Record<RoomEvent['type'], RoomEvent>;

const tellLive: RoomEffect = { type: 'tell', status: { type: 'status', state: 'live', roomId: 'r1', channel: 'r1-a', restored: false } };
const tellRestoring: RoomEffect = { type: 'tell', status: { type: 'status', state: 'restoring', roomId: 'r1', channel: 'r1-a' } };
const tellRestored: RoomEffect = { type: 'tell', status: { type: 'status', state: 'live', roomId: 'r1', channel: 'r1-b', restored: true } };
const reportSubscribed: RoomEffect = { type: 'report', event: 'subscribed', result: first, whileLive: false };
const reportResubscribed: RoomEffect = { type: 'report', event: 'resubscribed', result: again, whileLive: true };

type Row = readonly [from: RoomState, event: keyof typeof events, to: RoomState, effects: readonly RoomEffect[]];

const rows: readonly Row[] = [
  [PENDING, 'acknowledged', live, [tellLive, reportSubscribed]],
  [PENDING, 'refused', CLOSED, [{ type: 'fail', error: refusal }]],
  [PENDING, 'linkLost', PENDING, []],
  [PENDING, 'restoreStarted', PENDING, []],
  [PENDING, 'restored', PENDING, []],
  [PENDING, 'lastSubscriberLeft', CLOSED, []],
  [PENDING, 'failed', CLOSED, [{ type: 'fail', error: offline }]],

  [live, 'acknowledged', live, []],
  [live, 'refused', live, []],
  [live, 'linkLost', restoring, [tellRestoring]],
  [live, 'restoreStarted', restoring, [tellRestoring, { type: 'subscribe' }]],
  [live, 'restored', live, []],
  [live, 'lastSubscriberLeft', CLOSED, [{ type: 'unsubscribe', roomId: 'r1' }]],
  [live, 'failed', CLOSED, [{ type: 'fail', error: offline }]],

  [restoring, 'acknowledged', restoring, []],
  [restoring, 'linkLost', restoring, []],
  [restoring, 'restoreStarted', restoring, [{ type: 'subscribe' }]],
  [restoring, 'restored', { kind: 'live', roomId: 'r1', channel: 'r1-b' }, [tellRestored, reportResubscribed]],
  [restoring, 'refused', CLOSED, [{ type: 'fail', error: expect.any(SubscriptionLostError) as Error }]],
  [restoring, 'lastSubscriberLeft', CLOSED, []],
  [restoring, 'failed', CLOSED, [{ type: 'fail', error: offline }]],

  [CLOSED, 'acknowledged', CLOSED, [reportSubscribed, { type: 'unsubscribe', roomId: 'r1' }]],
  [CLOSED, 'restored', CLOSED, [{ type: 'unsubscribe', roomId: 'r1' }]],
  [CLOSED, 'refused', CLOSED, []],
  [CLOSED, 'linkLost', CLOSED, []],
  [CLOSED, 'restoreStarted', CLOSED, []],
  [CLOSED, 'lastSubscriberLeft', CLOSED, []],
  [CLOSED, 'failed', CLOSED, []],
];

describe('roomTransition', () => {
  it.each(rows.map(([from, event, to, effects]) => ({ from, event, to, effects })))(
    '$from.kind + $event -> $to.kind',
    ({ from, event, to, effects }) => {
      expect(roomTransition(from, events[event])).toEqual({ state: to, effects });
    },
  );

  it('errors a room whose restoration is refused with SubscriptionLostError, naming the room it held', () => {
    const { state, effects } = roomTransition(restoring, events.refused);
    expect(state).toBe(CLOSED);
    expect(effects).toHaveLength(1);
    const [effect] = effects;
    expect(effect?.type).toBe('fail');
    const error = effect?.type === 'fail' ? effect.error : undefined;
    expect(nameAndMessage(error)).toEqual({ name: 'SubscriptionLostError', message: 'Subscription r1 lost: Unauthorized' });
    expect(error).toMatchObject({ roomId: 'r1', cause: refusal });
  });

  it('has a row for every state and every event', () => {
    const kinds = ['pending', 'live', 'restoring', 'closed'];
    const covered = new Set(rows.map(([from, event]) => `${from.kind} ${event}`));
    const missing = kinds.flatMap((kind) => Object.keys(events).map((event) => `${kind} ${event}`)).filter((pair) => !covered.has(pair));
    expect(missing).toEqual([]);
  });

  it('never changes the state it is given: a room moves by taking the state it returns', () => {
    for (const from of [live, restoring]) {
      const copy = structuredClone(from);
      for (const event of Object.values(events)) roomTransition(from, event);
      expect(from).toEqual(copy);
    }
  });
});

describe('statusOf', () => {
  it('tells pending, restoring with the room it held, and live restored only at a restoration', () => {
    expect(statusOf(PENDING)).toEqual({ type: 'status', state: 'pending' });
    expect(statusOf(restoring)).toEqual({ type: 'status', state: 'restoring', roomId: 'r1', channel: 'r1-a' });
    expect(statusOf(live)).toEqual({ type: 'status', state: 'live', roomId: 'r1', channel: 'r1-a', restored: false });
    expect(statusOf(live, true)).toEqual({ type: 'status', state: 'live', roomId: 'r1', channel: 'r1-a', restored: true });
  });
});
