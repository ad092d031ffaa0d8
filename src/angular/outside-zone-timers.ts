import type { NgZone } from '@angular/core';
import type { SchedulerAction, SchedulerLike, Subscription } from 'rxjs';

/**
 * A scheduler whose timers are set outside the Angular zone and whose work runs inside it.
 *
 * Outside: a pending keep-alive or reconnection timer is not a pending task of the zone, so the application becomes
 * stable (hydration, `whenStable()`, service-worker registration and server-side rendering wait for that). Inside:
 * whatever the work emits (a state change, a request timeout) is seen by change detection as usual.
 */
export function outsideZoneTimers(zone: NgZone, scheduler: SchedulerLike): SchedulerLike {
  return {
    now: () => scheduler.now(),
    schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay?: number, state?: T): Subscription {
      return zone.runOutsideAngular(() =>
        scheduler.schedule<T>(
          function (this: SchedulerAction<T>, value?: T) {
            zone.run(() => work.call(this, value));
          },
          delay,
          state,
        ),
      );
    },
  };
}
