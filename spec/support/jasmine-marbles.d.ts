import 'vitest';
import type { TestObservable } from 'jasmine-marbles/src/test-observables';

// jasmine-marbles registers these two matchers with `expect.extend` (see its `addMatchers`); this makes them known
// to TypeScript on vitest's assertions.
declare module 'vitest' {
  interface Matchers<T> {
    /** The observable emits exactly what the marble diagram describes, in the test scheduler's virtual time. */
    toBeObservable(expected: TestObservable): T;
    /** A cold or hot test observable was subscribed (and unsubscribed) as the subscription marbles describe. */
    toHaveSubscriptions(marbles: string | string[]): T;
  }
}
