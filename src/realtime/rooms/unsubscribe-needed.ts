import { filtersKey, type RoomSpec } from '../room';
import { roomIdOf, type RoomState } from './room-state';

/**
 * Whether to send `realtime:unsubscribe` for `roomId`, which a room of `spec` no longer needs. It removes every
 * channel of the roomId on the server, so not while another open room of this client uses that roomId (another scope
 * or volatile on the same filters), nor while one with the same filters awaits its acknowledgement (it gets that roomId).
 */
export function unsubscribeNeeded(
  roomId: string,
  spec: RoomSpec,
  open: Iterable<{ readonly spec: RoomSpec; readonly state: RoomState }>,
): boolean {
  let filters: string | undefined;
  for (const other of open) {
    if (roomIdOf(other.state) === roomId) return false;
    if (other.state.kind === 'pending' && filtersKey(other.spec) === (filters ??= filtersKey(spec))) return false;
  }
  return true;
}
