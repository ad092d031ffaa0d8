import type { Observable } from 'rxjs';
import type { Kuzzle } from '../../src/client/kuzzle';
import { clientHarness, nameAndMessage, observe } from './client-harness';

/** A bad call: what it is, the call, and the reason the `InvalidRequestError` must give (after `Invalid request: `). */
export type BadCall = readonly [string, (kuzzle: Kuzzle) => Observable<unknown>, string];

/**
 * One test per bad call: it errors with an `InvalidRequestError` naming the method and the argument, and nothing
 * reaches the socket.
 */
export function itRefuses(calls: readonly BadCall[]): void {
  it.each(calls)('refuses %s with an InvalidRequestError, sending nothing', (_, call, reason) => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const observed = observe(call(kuzzle));
    expect(nameAndMessage(observed.error)).toEqual({ name: 'InvalidRequestError', message: `Invalid request: ${reason}` });
    expect(socket.requests).toEqual([]);
  });
}
