import type { LinkLostError } from './errors/connection-errors';

/** What the link reports to the client that drives it. */
export type LinkEvent =
  | { readonly type: 'open' }
  | { readonly type: 'message'; readonly text: string }
  /** A binary frame: not part of the protocol, reported and dropped. */
  | { readonly type: 'binary' }
  | { readonly type: 'latency'; readonly ms: number }
  /** A socket ended, or an attempt failed to open one. */
  | { readonly type: 'lost'; readonly error: LinkLostError }
  /** The next attempt starts after `delay` ms. */
  | { readonly type: 'retrying'; readonly attempt: number; readonly delay: number }
  /** The reconnection policy gave up; the link is down until `open()`. */
  | { readonly type: 'failed'; readonly error: Error }
  /** `close()` ended the link. */
  | { readonly type: 'closed'; readonly wasOpen: boolean };
