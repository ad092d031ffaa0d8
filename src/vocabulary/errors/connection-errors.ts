/**
 * Why a socket stopped: who closed it, or what killed it. `reopen`: the client closed it to open a new one at once
 * (cookie authentication does, so that the next handshake carries the new cookie).
 */
export type DisconnectOrigin = 'user' | 'network' | 'server' | 'ping-timeout' | 'reopen';

/** A socket ended. Flows into the reconnection policy; surfaces to users as a `disconnected` event. */
export class LinkLostError extends Error {
  override readonly name = 'LinkLostError';
  constructor(
    readonly origin: DisconnectOrigin,
    readonly wasOpen: boolean,
    readonly code?: number,
    readonly reason?: string,
    override readonly cause?: unknown,
    /** The socket had proved alive (a pong or a message came back, or it opened without keep-alive). */
    readonly provedAlive = false,
  ) {
    super(
      `WebSocket ${wasOpen ? 'lost' : 'could not open'} (${origin}` +
        (code === undefined ? '' : `, code ${code}`) +
        (reason ? `, ${reason}` : '') +
        (cause instanceof Error && cause.message ? `: ${cause.message}` : '') +
        ')',
    );
  }
}

/** Nothing came back (no `{"p":2}`, no other frame) within `pongTimeout` of a `{"p":1}`: the link is considered dead. */
export class PingTimeoutError extends Error {
  override readonly name = 'PingTimeoutError';
  constructor(readonly pongTimeout: number) {
    super(`No pong, nor any other frame, within ${pongTimeout} ms of a ping`);
  }
}

/** The reconnection policy gave up: attempts exhausted, reconnection disabled, or a fatal close. */
export class ReconnectionFailedError extends Error {
  override readonly name = 'ReconnectionFailedError';
  constructor(
    readonly attempts: number,
    readonly lastError: unknown,
  ) {
    super(`Connection given up after ${attempts} attempt(s)` + (lastError instanceof Error ? `: ${lastError.message}` : ''));
  }
}
