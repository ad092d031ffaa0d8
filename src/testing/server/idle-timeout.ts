import { interval, Subscription } from 'rxjs';
import type { Faults } from './faults';
import type { WebSocketSession } from './websocket';

/**
 * Destroys sockets whose client has sent nothing for `idleTimeout` ms, like the real server (which
 * checks every few seconds; here every idleTimeout/15). Receiving notifications does not count as
 * activity. A frozen server checks nothing.
 */
export function watchIdleSockets(sessions: () => Iterable<WebSocketSession>, idleTimeout: number, faults: Faults): Subscription {
  if (idleTimeout <= 0) {
    return Subscription.EMPTY;
  }
  return interval(Math.max(10, Math.floor(idleTimeout / 15))).subscribe(() => {
    if (faults.frozen) {
      return;
    }
    const now = Date.now();
    for (const session of sessions()) {
      if (session.isOpen && now - session.lastReceivedAt >= idleTimeout) {
        session.terminate();
      }
    }
  });
}
