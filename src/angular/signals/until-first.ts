import type { PendingTasks } from '@angular/core';
import { defer, finalize, type MonoTypeOperatorFunction, tap } from 'rxjs';

/**
 * Holds the application unstable from subscription to the first value, error or completion (or unsubscription): so
 * server-side rendering waits for the data, and `whenStable()` means "loaded", as with Angular's own resources.
 */
export function untilFirst<T>(tasks: PendingTasks): MonoTypeOperatorFunction<T> {
  return (source) =>
    defer(() => {
      const done = tasks.add();
      return source.pipe(tap({ next: done, error: done, complete: done }), finalize(done));
    });
}
