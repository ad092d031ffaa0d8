import type { Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { helperContext, type InjectorOption } from './context';

/**
 * The round trip of the last keep-alive ping, in ms, as a signal: `undefined` until the first pong (and on the server,
 * where nothing is pinged), then each new measure. One subscription for the injector's lifetime, ended by its
 * `DestroyRef`; it never fails.
 *
 * @throws {Error} synchronously, Angular's `NG0203` when called outside an injection context without `options.injector`,
 * or `NG0201` (no provider for `KUZZLE`) when the application has no `provideKuzzle()`.
 *
 * @example
 * ```ts
 * @Component({ selector: 'app-latency', template: `<small>{{ latency() ?? '…' }} ms</small>` })
 * export class LatencyComponent {
 *   readonly latency = injectLatency();
 * }
 * ```
 */
export function injectLatency(options?: InjectorOption): Signal<number | undefined> {
  const { injector, kuzzle } = helperContext(injectLatency, options);
  return toSignal(kuzzle.latency$, { initialValue: undefined, injector });
}
