import type { Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { ConnectionState } from 'kuzzle-rx';
import { helperContext, type InjectorOption } from './context';

/**
 * The client's connection state as a signal: `'offline'`, `'connecting'`, `'connected'` or `'reconnecting'`, current
 * from the first read (`state$` replays it), then each change. One subscription for the injector's lifetime, ended by
 * its `DestroyRef`; it never fails.
 *
 * @throws {Error} synchronously, Angular's `NG0203` when called outside an injection context without `options.injector`,
 * or `NG0201` (no provider for `KUZZLE`) when the application has no `provideKuzzle()`.
 *
 * @example A banner while the link is down
 * ```ts
 * @Component({
 *   selector: 'app-connection-banner',
 *   template: `
 *     @if (state() !== 'connected') {
 *       <p>Offline: changes are sent once reconnected.</p>
 *     }
 *   `,
 * })
 * export class ConnectionBannerComponent {
 *   readonly state = injectConnectionState();
 * }
 * ```
 */
export function injectConnectionState(options?: InjectorOption): Signal<ConnectionState> {
  const { injector, kuzzle } = helperContext(injectConnectionState, options);
  return toSignal(kuzzle.state$, { requireSync: true, injector });
}
