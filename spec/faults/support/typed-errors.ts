import {
  ConnectionLostError,
  HttpTransportError,
  InvalidOptionError,
  InvalidRequestError,
  KuzzleError,
  LinkLostError,
  NotConnectedError,
  PingTimeoutError,
  ReconnectionFailedError,
  RequestDroppedError,
  RequestTimeoutError,
  RequestTooLargeError,
  RequestUnsafeToResendError,
  SubscriptionLostError,
  TokenExpiredError,
} from '../../../src';

/** Every error class the main entry exports: a request or a subscription may only end with one of these. */
const EXPORTED_ERRORS = [
  KuzzleError,
  InvalidOptionError,
  InvalidRequestError,
  RequestTimeoutError,
  NotConnectedError,
  ConnectionLostError,
  RequestDroppedError,
  RequestTooLargeError,
  RequestUnsafeToResendError,
  TokenExpiredError,
  SubscriptionLostError,
  HttpTransportError,
  LinkLostError,
  PingTimeoutError,
  ReconnectionFailedError,
] as const;

/** The error is an instance of an exported error class. */
export const isTypedError = (error: unknown): boolean => EXPORTED_ERRORS.some((type) => error instanceof type);

/** How an outcome reads in a failure message: the error's class and message, or the value's type. */
export function describeError(error: unknown): string {
  if (error instanceof KuzzleError) return `KuzzleError ${error.id ?? ''} (${error.status}): ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `a non-Error thrown: ${String(error)}`;
}
