import type { RoomSpec } from '../../../src/realtime/room';
import { CLOSED, PENDING, type RoomState } from '../../../src/realtime/rooms/room-state';
import { unsubscribeNeeded } from '../../../src/realtime/rooms/unsubscribe-needed';

const spec = (filters: Record<string, unknown>, scope: RoomSpec['scope'] = 'all'): RoomSpec => ({
  index: 'i',
  collection: 'c',
  filters,
  scope,
  users: 'none',
  volatile: undefined,
});
const red = { equals: { color: 'red' } };
const blue = { equals: { color: 'blue' } };
const live = (roomId: string): RoomState => ({ kind: 'live', roomId, channel: `${roomId}-x` });
const restoring = (roomId: string): RoomState => ({ kind: 'restoring', roomId, channel: `${roomId}-x` });

describe('unsubscribeNeeded', () => {
  it.each([
    { why: 'no other room is open', open: [], needed: true },
    { why: 'the other rooms hold other roomIds', open: [{ spec: spec(blue), state: live('r2') }], needed: true },
    { why: 'another live room holds the roomId (another scope)', open: [{ spec: spec(red, 'in'), state: live('r1') }], needed: false },
    { why: 'another room being restored held the roomId', open: [{ spec: spec(red, 'out'), state: restoring('r1') }], needed: false },
    {
      why: 'a room with the same filters awaits its acknowledgement',
      open: [{ spec: spec({ equals: { color: 'red' } }, 'in'), state: PENDING }],
      needed: false,
    },
    { why: 'a room with other filters awaits its acknowledgement', open: [{ spec: spec(blue), state: PENDING }], needed: true },
    { why: 'a closed room held the roomId', open: [{ spec: spec(red, 'in'), state: CLOSED }], needed: true },
  ])('is $needed when $why', ({ open, needed }) => {
    expect(unsubscribeNeeded('r1', spec(red), open)).toBe(needed);
  });
});
