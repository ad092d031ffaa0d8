import { getTestScheduler } from 'jasmine-marbles';
import type { TestScheduler } from 'rxjs/testing';
import type { Kuzzle } from '../../src/client/kuzzle';
import { clientHarness } from './client-harness';

/**
 * jasmine-marbles' scheduler of this test, for `expectObservable` with subscription marbles. Its own comparison
 * reports a mismatch through jasmine's global `fail`, which vitest has not: compare with vitest's `toEqual` instead.
 */
export function marbles(): TestScheduler {
  const scheduler = getTestScheduler();
  scheduler.assertDeepEqual = (actual: unknown, expected: unknown) => expect(actual).toEqual(expected);
  return scheduler;
}

/** Runs `work` at virtual time `time` (ms) of jasmine-marbles' scheduler. */
export function at(time: number, work: () => void): void {
  getTestScheduler().schedule(work, time);
}

/** A client on jasmine-marbles' scheduler, connecting at once: its first socket opens at 10 ms. */
export function connectingClient(): Kuzzle {
  const { kuzzle } = clientHarness({ scheduler: getTestScheduler() });
  kuzzle.connect().subscribe();
  return kuzzle;
}
