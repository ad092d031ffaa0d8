import type { ProxyDirection, FramePredicate } from './proxied-frame';

/** The lasting faults of a connection (or the defaults given to new ones). */
export interface LinkFaults {
  /** Milliseconds each segment waits before it is forwarded, per direction. */
  readonly latency: Readonly<Record<ProxyDirection, number>>;
  /** Nothing is forwarded either way, and a side that goes away is not told to the other. */
  readonly frozen: boolean;
  /** Frames chosen by these predicates are dropped, per direction. */
  readonly swallow: Readonly<Partial<Record<ProxyDirection, FramePredicate>>>;
}

/** No fault: what every connection starts with unless `proxy.all()` said otherwise. */
export const PASS_THROUGH: LinkFaults = Object.freeze({
  latency: Object.freeze({ toClient: 0, toServer: 0 }),
  frozen: false,
  swallow: Object.freeze({}),
});

export const withLatency = (faults: LinkFaults, latency: Partial<Record<ProxyDirection, number>>): LinkFaults => ({
  ...faults,
  latency: { ...faults.latency, ...latency },
});

export const withFrozen = (faults: LinkFaults, frozen: boolean): LinkFaults => ({ ...faults, frozen });

export function withSwallow(faults: LinkFaults, direction: ProxyDirection, predicate: FramePredicate | null): LinkFaults {
  const swallow = { ...faults.swallow };
  if (predicate === null) delete swallow[direction];
  else swallow[direction] = predicate;
  return { ...faults, swallow };
}
