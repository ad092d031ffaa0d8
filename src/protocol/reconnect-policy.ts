import type { LinkLostError } from '../vocabulary/errors/connection-errors';
import { ReconnectionFailedError } from '../vocabulary/errors/connection-errors';
import { backoffDelay, type BackoffPolicy } from './backoff';
import { isFatalClose } from './close-codes';

/** The options the reconnection policy reads. */
export interface ReconnectPolicy extends BackoffPolicy {
  readonly autoReconnect: boolean;
  readonly maxReconnectionAttempts: number;
  /** A number in [0, 1): the jitter. */
  readonly random: () => number;
}

/** What to do after a socket was lost. */
export type ReconnectDecision =
  /** Open a new socket at once (the loss was planned: a cookie renewal holds the attempt until it is done). */
  | { readonly kind: 'now' }
  /** Wait `delay` ms, then make attempt number `attempt`. */
  | { readonly kind: 'wait'; readonly attempt: number; readonly delay: number }
  /** The user closed the link: nothing more to do. */
  | { readonly kind: 'stop' }
  /** Give up: the link ends with `error`. */
  | { readonly kind: 'give-up'; readonly error: Error };

/**
 * The reconnection policy, a pure function. `failures` counts the losses since the link last proved alive, before
 * this one; a planned loss (cookie renewal, `close()`) does not count. A fatal close code or `autoReconnect: false`
 * gives up with the loss itself; running out of attempts gives up with a `ReconnectionFailedError` that carries the
 * last loss.
 */
export function decideReconnect(loss: LinkLostError, failures: number, policy: ReconnectPolicy): ReconnectDecision {
  if (loss.origin === 'reopen') return { kind: 'now' };
  if (loss.origin === 'user') return { kind: 'stop' };
  if (!policy.autoReconnect || isFatalClose(loss.code)) return { kind: 'give-up', error: loss };
  const attempt = failures + 1;
  if (attempt > policy.maxReconnectionAttempts) {
    return { kind: 'give-up', error: new ReconnectionFailedError(failures, loss) };
  }
  return { kind: 'wait', attempt, delay: backoffDelay(attempt, policy, policy.random) };
}
