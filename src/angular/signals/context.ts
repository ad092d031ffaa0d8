import { assertInInjectionContext, inject, Injector, PLATFORM_ID } from '@angular/core';
import type { ConnectionState, Kuzzle } from 'kuzzle-rx';
import { KUZZLE } from '../provide-kuzzle';

/** The `injector` option every helper takes, as Angular's own `toSignal` and `effect` do. */
export interface InjectorOption {
  /** Where to run outside an injection context (a method, a callback); the work ends when it is destroyed. @default the current injection context's */
  readonly injector?: Injector;
}

/** What a helper works with: its injector, the client, and whether it runs during server-side rendering. */
export interface HelperContext {
  readonly injector: Injector;
  readonly kuzzle: Kuzzle;
  readonly onServer: boolean;
}

/** The helper's context: from `options.injector`, or the current injection context (failing clearly outside one). */
export function helperContext(helper: (...args: never[]) => unknown, options: InjectorOption | undefined): HelperContext {
  if (!options?.injector) assertInInjectionContext(helper);
  const injector = options?.injector ?? inject(Injector);
  return {
    injector,
    kuzzle: injector.get(KUZZLE),
    // What `isPlatformServer()` of @angular/common tests, without depending on that package.
    onServer: injector.get(PLATFORM_ID, null) === 'server',
  };
}

/** The client's connection state now (`state$` replays it synchronously). */
export function connectionState(kuzzle: Kuzzle): ConnectionState {
  return kuzzle.state;
}
