import type {
  ConnectionLostError,
  HttpTransportError,
  InvalidOptionError,
  InvalidRequestError,
  NotConnectedError,
  RequestDroppedError,
  RequestTimeoutError,
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
