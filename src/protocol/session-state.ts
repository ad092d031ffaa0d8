import { LinkLostError, type DisconnectOrigin } from '../vocabulary/errors/connection-errors';
import type { SocketEvent } from '../vocabulary/link-events';
import type { WebSocketLike } from './options';

/** How the session closes its socket when it ends: `close` with a code, or drop the TCP connection. */
export type SocketEnding = { readonly how: 'close'; readonly code: number; readonly reason: string } | { readonly how: 'terminate' };

/** What the streams of one socket report to the session's reducer. */
export type SessionSignal =
  | { readonly kind: 'socket'; readonly socket: WebSocketLike }
  | { readonly kind: 'opened' }
  | { readonly kind: 'frame'; readonly text: string }
  | { readonly kind: 'pong' }
  | { readonly kind: 'binary' }
  | { readonly kind: 'latency'; readonly ms: number }
  | { readonly kind: 'close-frame'; readonly code: number; readonly reason: string }
  /** The socket ends: `peer` when the server closed it (the close code tells a clean close from a dead link). */
  | { readonly kind: 'end'; readonly origin: DisconnectOrigin | 'peer'; readonly cause?: unknown; readonly ending?: SocketEnding };

/** One socket's life so far, folded from its signals. */
export interface SessionState {
  readonly socket: WebSocketLike | undefined;
  readonly opened: boolean;
  /** A pong or a message came back (or the socket opened without keep-alive). */
  readonly alive: boolean;
  readonly close: { readonly code: number; readonly reason: string } | undefined;
  /** What the session emits for the last signal, if anything. */
  readonly out: SocketEvent | undefined;
  /** Set by the last signal: the socket is over. */
  readonly end: { readonly error: LinkLostError; readonly ending: SocketEnding | undefined } | undefined;
}

export const INITIAL_SESSION: SessionState = {
  socket: undefined,
  opened: false,
  alive: false,
  close: undefined,
  out: undefined,
  end: undefined,
};

/**
 * The socket session's reducer, pure: what one signal changes in the socket's life, what it emits, and, for an end
 * signal, the `LinkLostError` that says who ended the socket (a close frame that came first gives its code).
 */
export function reduceSession(
  state: SessionState,
  signal: SessionSignal,
  context: { readonly resumed: boolean; readonly keepAlive: boolean },
): SessionState {
  const next = { ...state, out: undefined };
  switch (signal.kind) {
    case 'socket':
      return { ...next, socket: signal.socket };
    case 'opened':
      return { ...next, opened: true, alive: state.alive || !context.keepAlive, out: { type: 'open', resumed: context.resumed } };
    case 'frame':
      return { ...next, alive: true, out: { type: 'message', text: signal.text } };
    case 'pong':
      return { ...next, alive: true };
    case 'binary':
      return { ...next, out: { type: 'binary' } };
    case 'latency':
      return { ...next, out: { type: 'latency', ms: signal.ms } };
    case 'close-frame':
      return { ...next, close: { code: signal.code, reason: signal.reason } };
    case 'end': {
      const close = state.close;
      const origin = signal.origin === 'peer' ? (close === undefined || close.code === 1006 ? 'network' : 'server') : signal.origin;
      // A close asked for on purpose is reported with the code this client sent; any other with the peer's, if any.
      const planned = (origin === 'user' || origin === 'reopen') && signal.ending?.how === 'close' ? signal.ending : undefined;
      const code = planned ? planned.code : close?.code;
      const reason = planned ? planned.reason : close?.reason;
      const error = new LinkLostError(origin, state.opened, code, reason || undefined, signal.cause, state.alive);
      return { ...next, end: { error, ending: signal.ending } };
    }
  }
}
