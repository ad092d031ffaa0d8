import type { ConnectionState } from '../vocabulary/events';
import type { KuzzleRequest } from '../vocabulary/request';
import type { QueueMode } from './queue-mode';

/** What the queue reads of the connection. */
export interface QueueGate {
  readonly state: ConnectionState;
  /** The `authenticator` runs during a restoration: auth requests may go out. */
  readonly authenticating: boolean;
}

/**
 * What becomes of a request now: it goes out, it waits, it fails because the client is offline, or it is dropped
 * because `flushQueue()` was called since it was queued.
 */
export type QueueDecision = 'go' | 'wait' | 'offline' | 'flushed';

/**
 * Decides, pure, for a request queued in mode `since` (the mode of the moment, for a new one), given the connection
 * and the mode now. The authenticator's login goes out during a restoration whatever the mode (the restoration waits
 * for it); otherwise a request goes out once connected, unless a cookie renewal is under way, or `startQueuing()` holds
 * it and no `playQueue()` came since it was queued.
 */
export function decideQueued(gate: QueueGate, mode: QueueMode, since: QueueMode, request: KuzzleRequest): QueueDecision {
  if (mode.flushes > since.flushes) return 'flushed';
  if (gate.authenticating && request.controller === 'auth') return 'go';
  if (gate.state === 'connected' && mode.pauses === 0 && (!mode.holding || mode.plays > since.plays)) return 'go';
  return gate.state === 'offline' ? 'offline' : 'wait';
}
