import type { KuzzleRequest } from '../request';

/** An option passed to a constructor or a method was not valid. `field` names it. */
export class InvalidOptionError extends Error {
  override readonly name = 'InvalidOptionError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Invalid option "${field}": ${reason}`);
  }
}

/** A request was malformed before it was sent (missing controller or action, ...). */
export class InvalidRequestError extends Error {
  override readonly name = 'InvalidRequestError';
  constructor(
    readonly reason: string,
    readonly request: unknown,
  ) {
    super(`Invalid request: ${reason}`);
  }
}

/** A request did not get its response within its timeout. Nothing is left pending. */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
  constructor(
    readonly request: KuzzleRequest,
    readonly timeout: number,
  ) {
    super(`Request ${request.controller}:${request.action} (${String(request.requestId)}) got no response within ${timeout} ms`);
  }
}

/** A request was made while the client was offline (never connected, or after `disconnect()`), or it may not wait. */
export class NotConnectedError extends Error {
  override readonly name = 'NotConnectedError';
  constructor(
    readonly request: KuzzleRequest | undefined,
    readonly reason: string,
  ) {
    super(request ? `Cannot send ${request.controller}:${request.action}: ${reason}` : reason);
  }
}

/** The connection was lost while this request awaited its response and the request may not be re-sent. */
export class ConnectionLostError extends Error {
  override readonly name = 'ConnectionLostError';
  constructor(readonly request: KuzzleRequest) {
    super(
      `Connection lost before ${request.controller}:${request.action} (${String(request.requestId)}) was answered; ` +
        'it was not re-sent because it is not read-only (opt in with resendAfterReconnect)',
    );
  }
}

/**
 * A request's frame is larger than the client's `maxRequestSize`: it was refused before anything was sent. A Kuzzle
 * server drops the whole connection on a frame over its own `server.maxRequestSize` (close 1006, nothing before it).
 */
export class RequestTooLargeError extends Error {
  override readonly name = 'RequestTooLargeError';
  constructor(
    /** The request, without its token. */
    readonly request: KuzzleRequest,
    /** Bytes of its serialised frame (UTF-8, token included). */
    readonly size: number,
    /** The `maxRequestSize` it is over, in bytes. */
    readonly limit: number,
  ) {
    super(
      `Request ${request.controller}:${request.action} (${String(request.requestId)}) is ${size} bytes once serialised, ` +
        `over the maxRequestSize of ${limit} bytes: it was not sent`,
    );
  }
}

/**
 * A request was in flight at every one of several consecutive link losses: it is not re-sent again, as it may be what
 * drops the link (a server drops it on a frame over its `server.maxRequestSize`, for one). Unlike
 * `ConnectionLostError`, it is not a loss to wait out: sending the same request again may drop the link again.
 */
export class RequestUnsafeToResendError extends Error {
  override readonly name = 'RequestUnsafeToResendError';
  constructor(
    /** The request, without its token. */
    readonly request: KuzzleRequest,
    /** The consecutive link losses it was in flight at. */
    readonly losses: number,
    /** The client's `maxResends`. */
    readonly maxResends: number,
  ) {
    super(
      `Request ${request.controller}:${request.action} (${String(request.requestId)}) was in flight at ${losses} ` +
        `consecutive link losses (maxResends: ${maxResends}); it is not re-sent again, as it may be what drops the link`,
    );
  }
}

/**
 * Why the offline queue let a request go without sending it:
 * - `'queue-full'`: `queueMaxSize` requests were already waiting;
 * - `'max-age'`: it waited longer than `queueMaxAge`;
 * - `'filtered'`: it had to wait and was refused a place: the `queueFilter` returned false for it, or it was made
 *   with `queuable: false` while `startQueuing()` held the requests on an open connection;
 * - `'flushed'`: `flushQueue()` was called while it waited.
 */
export type RequestDropReason = 'queue-full' | 'max-age' | 'filtered' | 'flushed';

/** A request was dropped by the offline queue, before it was sent: `reason` says why. */
export class RequestDroppedError extends Error {
  override readonly name = 'RequestDroppedError';
  constructor(
    readonly request: KuzzleRequest,
    readonly reason: RequestDropReason,
  ) {
    super(`Request ${request.controller}:${request.action} dropped from the offline queue (${reason})`);
  }
}

/** The authentication token is no longer valid; the client dropped it. */
export class TokenExpiredError extends Error {
  override readonly name = 'TokenExpiredError';
  constructor(message = 'Authentication token expired') {
    super(message);
  }
}

/** A realtime subscription could not be kept alive (restoration after a reconnection failed, ...). */
export class SubscriptionLostError extends Error {
  override readonly name = 'SubscriptionLostError';
  constructor(
    readonly roomId: string | undefined,
    override readonly cause: unknown,
  ) {
    super(`Subscription ${roomId ?? '(pending)'} lost: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** An HTTP request (cookie authentication) failed before a Kuzzle response could be read. */
export class HttpTransportError extends Error {
  override readonly name = 'HttpTransportError';
  constructor(
    readonly url: string,
    readonly status: number | undefined,
    override readonly cause: unknown,
  ) {
    super(
      `HTTP request to ${url} failed` +
        (status === undefined ? '' : ` with status ${status}`) +
        (cause instanceof Error ? `: ${cause.message}` : ''),
    );
  }
}
