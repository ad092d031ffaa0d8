import type {
  ConnectionLostError,
  HttpTransportError,
  InvalidOptionError,
  InvalidRequestError,
  NotConnectedError,
  RequestDroppedError,
  RequestTimeoutError,
  RequestTooLargeError,
  RequestUnsafeToResendError,
  SubscriptionLostError,
  TokenExpiredError,
} from './client-errors';
import type { LinkLostError, PingTimeoutError, ReconnectionFailedError } from './connection-errors';
import type { KuzzleError } from './kuzzle-error';

/** Every error class of the library, by its stable `name`. */
export interface KuzzleRxErrors {
  KuzzleError: KuzzleError;
  InvalidOptionError: InvalidOptionError;
  InvalidRequestError: InvalidRequestError;
  RequestTimeoutError: RequestTimeoutError;
  NotConnectedError: NotConnectedError;
  ConnectionLostError: ConnectionLostError;
  RequestDroppedError: RequestDroppedError;
  RequestTooLargeError: RequestTooLargeError;
  RequestUnsafeToResendError: RequestUnsafeToResendError;
  TokenExpiredError: TokenExpiredError;
  SubscriptionLostError: SubscriptionLostError;
  HttpTransportError: HttpTransportError;
  LinkLostError: LinkLostError;
  PingTimeoutError: PingTimeoutError;
  ReconnectionFailedError: ReconnectionFailedError;
}

/**
 * Narrows an unknown error by its `name`. Unlike `instanceof`, it also holds when an app ends up with two copies of
 * the library (an ESM and a CJS one, say): `catchError((e: unknown) => isKuzzleRxError(e, 'RequestTimeoutError') ? ...)`.
 */
export function isKuzzleRxError<N extends keyof KuzzleRxErrors>(error: unknown, name: N): error is KuzzleRxErrors[N] {
  return error instanceof Error && error.name === name;
}

/** Whether `error` is a request refused for its size (`RequestTooLargeError`), across copies of the library too. */
export function isRequestTooLargeError(error: unknown): error is RequestTooLargeError {
  return isKuzzleRxError(error, 'RequestTooLargeError');
}

/** Whether `error` is a request no longer re-sent after link losses (`RequestUnsafeToResendError`). */
export function isRequestUnsafeToResendError(error: unknown): error is RequestUnsafeToResendError {
  return isKuzzleRxError(error, 'RequestUnsafeToResendError');
}
