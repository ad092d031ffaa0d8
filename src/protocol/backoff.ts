/** The inputs of the reconnection delay. */
export interface BackoffPolicy {
  /** Upper bound of the first delay (ms). */
  readonly reconnectionDelay: number;
  /** Cap of every delay (ms). */
  readonly maxReconnectionDelay: number;
}

/**
 * Exponential backoff with full jitter: attempt n (1-based) waits a uniformly random time in
 * [0, min(cap, base * 2^(n-1))]. Full jitter spreads the reconnections of many clients after a server restart.
 * `random` returns a number in [0, 1).
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(policy.maxReconnectionDelay, policy.reconnectionDelay * 2 ** exponent);
  return Math.floor(random() * ceiling);
}
