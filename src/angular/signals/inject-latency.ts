import type { Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { helperContext, type InjectorOption } from './context';

/**
 * The round trip of the last keep-alive ping, in ms, as a signal: `undefined` until the first pong (and on the server,
 * where nothing is pinged). One subscription for the injector's lifetime, ended by its `DestroyRef`.
 */
export function injectLatency(options?: InjectorOption): Signal<number | undefined> {
  const { injector, kuzzle } = helperContext(injectLatency, options);
  return toSignal(kuzzle.latency$, { initialValue: undefined, injector });
}
