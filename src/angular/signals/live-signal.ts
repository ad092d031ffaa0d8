import { computed, type Injector, PendingTasks, signal, type Signal } from '@angular/core';
import { identity, type Observable, tap } from 'rxjs';
import { asError } from './reactive';
import { runLatest } from './run-latest';
import { untilFirst } from './until-first';

/** A signal of live data (call it for the current value), with the reason it stopped, if it did. */
export interface LiveSignal<T> extends Signal<T> {
  /** Why the live data stopped (the last value stays); `undefined` while it runs. Cleared when the arguments change. */
  readonly error: Signal<Error | undefined>;
}

/** How `liveSignal()` runs for one set of arguments. */
export interface LiveRun<A, T> {
  /** The value of a run before its Observable emits (shown at once, and before the first run). */
  readonly start: (args: A) => T;
  /** The Observable of a run; `undefined` runs nothing (the start value stays). */
  readonly open: (args: A) => Observable<T> | undefined;
  /** Hold the application unstable until the first value (server-side rendering waits for it). @default false */
  readonly holdUntilFirst?: boolean;
}

interface Latest<A, T> {
  readonly args: A;
  readonly value: T;
  readonly error: Error | undefined;
}

/**
 * The latest value of the Observable `run.open` makes of `args()`, watched again (the previous one dropped) whenever
 * `args()` changes: give it a `computed` with an `equal`, so that equal arguments keep their identity.
 */
export function liveSignal<A, T>(injector: Injector, args: Signal<A>, run: LiveRun<A, T>): LiveSignal<T> {
  const tasks = injector.get(PendingTasks);
  const latest = signal<Latest<A, T> | undefined>(undefined);
  runLatest(injector, args, (current) => {
    latest.set({ args: current, value: run.start(current), error: undefined });
    return run.open(current)?.pipe(
      tap({
        next: (value) => latest.set({ args: current, value, error: undefined }),
        error: (error: unknown) => latest.update((before) => before && { ...before, error: asError(error) }),
      }),
      run.holdUntilFirst ? untilFirst(tasks) : identity,
    );
  });
  // New arguments not watched yet: their start value, not the previous arguments' data.
  const state = computed((): Latest<A, T> => {
    const current = args();
    const got = latest();
    return got?.args === current ? got : { args: current, value: run.start(current), error: undefined };
  });
  return Object.assign(
    computed(() => state().value),
    { error: computed(() => state().error) },
  );
}
