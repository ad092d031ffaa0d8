import type { LinkLostError } from './errors/connection-errors';

/** What one socket reports while it lives: the socket session's own events. */
export type SocketEvent =
  /** The socket is open. `resumed`: an earlier socket of the same run was open (what it held must be restored). */
  | { readonly type: 'open'; readonly resumed: boolean }
  | { readonly type: 'message'; readonly text: string }
  /** A binary frame: not part of the protocol, reported and dropped. */
  | { readonly type: 'binary' }
  /** The round trip of one keep-alive ping, in ms. */
  | { readonly type: 'latency'; readonly ms: number };

/**
 * What the link reports to the client that drives it: the socket events, then how each socket ended and what the
 * reconnection does about it. A run of the link (from `open()`) ends with `failed` or `closed`.
 */
export type LinkEvent =
  | SocketEvent
  /** A socket ended, or an attempt failed to open one. */
  | { readonly type: 'lost'; readonly error: LinkLostError }
  /** The next attempt starts after `delay` ms. */
  | { readonly type: 'retrying'; readonly attempt: number; readonly delay: number }
  /** The reconnection policy gave up; the link is down until `open()`. */
  | { readonly type: 'failed'; readonly error: Error }
  /** `close()` ended the link. */
  | { readonly type: 'closed'; readonly wasOpen: boolean };
