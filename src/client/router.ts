import { mergeMap, type ObservableInput, type OperatorFunction } from 'rxjs';
import { actionName } from '../vocabulary/request';

/**
 * A splitter: each value goes to `whenTrue` or `whenFalse` by a pure predicate, and their outputs merge. The client
 * routes cookie-sensitive actions to HTTP with it and everything else to the WebSocket.
 */
export function split<T, R>(
  predicate: (value: T) => boolean,
  whenTrue: (value: T) => ObservableInput<R>,
  whenFalse: (value: T) => ObservableInput<R>,
): OperatorFunction<T, R> {
  return mergeMap((value) => (predicate(value) ? whenTrue(value) : whenFalse(value)));
}

/** Actions whose answer sets or clears the authentication cookie: only an HTTP response can do that. */
const COOKIE_ACTIONS: ReadonlySet<string> = new Set(['auth:login', 'auth:logout', 'auth:refreshToken']);

export function isCookieAction(request: { controller: string; action: string }): boolean {
  return COOKIE_ACTIONS.has(actionName(request));
}
