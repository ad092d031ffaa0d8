import { VirtualTimeScheduler, type SchedulerLike } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { deepEqual, show } from './json';

/**
 * A TestScheduler of the backend's own, for tests that bring none: it compares marble frames with a structural
 * equality and throws an error showing both sides. A test runner's own comparison reads better: pass
 * `new TestScheduler((actual, expected) => expect(actual).toEqual(expected))` as the `scheduler` option.
 */
export function ownTestScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => {
    if (!deepEqual(actual, expected))
      throw new Error(`The observable did not emit as expected.\nExpected: ${show(expected)}\nActual:   ${show(actual)}`);
  });
}

/**
 * Runs a virtual clock `ms` further, running everything due until then included, and leaves it there. The clock of
 * a TestScheduler (or any VirtualTimeScheduler) moves only when flushed; outside `run()`, its `flush()` also stops
 * at its `maxFrames`, which this lifts for the time of the call.
 * @throws Error when `scheduler` is not virtual: real time passes by itself.
 */
export function advance(scheduler: SchedulerLike, ms: number): void {
  if (!(scheduler instanceof VirtualTimeScheduler)) {
    throw new Error('tick(): the backend runs on real time (its scheduler is not a TestScheduler); wait instead');
  }
  if (!(ms >= 0)) throw new Error(`tick(): ms must be 0 or more, got ${ms}`);
  const until = scheduler.now() + ms;
  // An action at `until`, so that the clock reaches it even when nothing else is due.
  scheduler.schedule(() => undefined, ms);
  const { maxFrames } = scheduler;
  scheduler.maxFrames = until;
  try {
    scheduler.flush();
  } finally {
    scheduler.maxFrames = maxFrames;
  }
}
