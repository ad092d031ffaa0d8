import type { KuzzleEvent } from '../vocabulary/events';
import type { LinkEvent } from '../vocabulary/link-events';

/**
 * What drives the client's connection state: the link's events, the user's `connect()`, and the phases of the
 * restoration that follows each new socket. Adding a phase means adding it here and to `reduceConnection`.
 */
export type EngineEvent =
  | LinkEvent
  /** `connect()` was called. */
  | { readonly type: 'connect' }
  /** The token check after a reconnection found the token expired: the `authenticator` runs (auth requests only). */
  | { readonly type: 'authenticating' }
  /** The `authenticator` renewed the session. */
  | { readonly type: 'reauthenticated' }
  /** The socket is open and everything it must hold is restored: requests go out. */
  | { readonly type: 'ready' }
  /** Something the connection's work came upon (a frame discarded, the session expired), said in `events$` as is. */
  | { readonly type: 'report'; readonly event: KuzzleEvent };

/** The engine event that says `event` in `events$`. */
export const report = (event: KuzzleEvent): EngineEvent => ({ type: 'report', event });
