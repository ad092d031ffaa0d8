import type { Socket } from 'node:net';
import { fromEvent, take, type Observable } from 'rxjs';

/** Emits once when the socket has closed (after its last `data` event), then completes. */
export const closeOf = (socket: Socket): Observable<unknown> => fromEvent(socket, 'close').pipe(take(1));

/** Resets and aborts are faults under test, not crashes: the `close` that follows does the cleanup. */
export function ignoreErrors(socket: Socket): Socket {
  return socket.on('error', () => undefined);
}
