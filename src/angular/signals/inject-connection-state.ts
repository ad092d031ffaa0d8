import type { Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { ConnectionState } from 'kuzzle-rx';
import { helperContext, type InjectorOption } from './context';

/**
 * The client's connection state as a signal: `'offline'`, `'connecting'`, `'connected'` or `'reconnecting'`, current
 * from the first read (`state$` replays it). One subscription for the injector's lifetime, ended by its `DestroyRef`.
 *
 * ```ts
 * readonly state = injectConnectionState();
 * // template: @if (state() !== 'connected') { <p>Offline: changes will be sent once reconnected.</p> }
 * ```
 */
export function injectConnectionState(options?: InjectorOption): Signal<ConnectionState> {
  const { injector, kuzzle } = helperContext(injectConnectionState, options);
  return toSignal(kuzzle.state$, { requireSync: true, injector });
}
