import { effect, type EffectRef, type Injector, untracked } from '@angular/core';
import type { Observable } from 'rxjs';

/**
 * Runs the Observable that `open` makes of the current arguments, and runs it again, dropping the previous one,
 * whenever a signal read by `args` (or by `again`, if given) changes. `undefined` arguments run nothing. The
 * Observable carries its own effects (`tap`); its error ends it quietly here, whoever reported it.
 *
 * An effect, so it is tied to the injector's `DestroyRef` and ends with it. `open` and the Observable run untracked:
 * what they read starts nothing again, and they may write signals. Nothing relies on zone.js: the signals they write
 * schedule change detection by themselves.
 */
export function runLatest<A>(
  injector: Injector,
  args: () => A | undefined,
  open: (args: A) => Observable<unknown> | undefined,
  again?: () => unknown,
): EffectRef {
  return effect(
    (onCleanup) => {
      again?.();
      const current = args();
      if (current === undefined) return;
      untracked(() => {
        const source = open(current);
        if (!source) return;
        const subscription = source.subscribe({ error: () => undefined });
        onCleanup(() => subscription.unsubscribe());
      });
    },
    { injector },
  );
}
