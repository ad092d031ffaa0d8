import { computed, PendingTasks, signal, type Signal, untracked } from '@angular/core';
import { type Observable, tap } from 'rxjs';
import { connectionState, helperContext, type InjectorOption } from './context';
import { runLatest } from './run-latest';
import { asError } from './reactive';
import { untilFirst } from './until-first';

/**
 * Where a `kuzzleResource` stands (Angular's `ResourceStatus` names):
 * - `idle`: no request (`request` returned `undefined`), or the resource was destroyed;
 * - `loading`: the request runs, for new arguments (`value()` is `undefined`);
 * - `reloading`: the request runs again after `reload()` (`value()` is the previous one);
 * - `resolved`: the request emitted (`value()` is its latest value; a stream may go on emitting);
 * - `error`: the request failed (`error()`).
 */
export type KuzzleResourceStatus = 'idle' | 'loading' | 'reloading' | 'resolved' | 'error';

/** A request as a resource: signals of its latest value, its error and its status. */
export interface KuzzleResourceRef<T> {
  /** The latest value the request emitted; `undefined` while idle, loading for new arguments, or failed. */
  readonly value: Signal<T>;
  /** Why the request failed (a `KuzzleError`, `RequestTimeoutError`, ...); `undefined` otherwise. */
  readonly error: Signal<Error | undefined>;
  readonly status: Signal<KuzzleResourceStatus>;
  /** Whether the status is `loading` or `reloading`. */
  readonly isLoading: Signal<boolean>;
  /** Whether `value()` holds a value (narrows the type). */
  hasValue(): this is KuzzleResourceRef<Exclude<T, undefined>>;
  /** Runs the same request again, keeping the value meanwhile; `false` (nothing done) while idle or loading. */
  reload(): boolean;
  /** Ends the request now, instead of with the injector; the status is `idle` from then on. */
  destroy(): void;
}

/** Options of `kuzzleResource()`. */
export type KuzzleResourceOptions = InjectorOption;

type Run<T> = {
  readonly request: Observable<T> | undefined;
  readonly status: KuzzleResourceStatus;
  readonly value: T | undefined;
  readonly error: Error | undefined;
};

const idle = <T>(request: Observable<T> | undefined): Run<T> => ({ request, status: 'idle', value: undefined, error: undefined });

/**
 * A request as a resource: signals of its latest `value()`, its `error()` and its `status()`. The request runs once
 * the view (or the injector) starts, and runs again, the previous one unsubscribed, whenever a signal it reads
 * changes; `undefined` instead of an Observable means "no request" (`idle`). Every value it emits becomes `value()` (a
 * stream, `document.watch()` say, keeps it current). Ends with the injector (its `DestroyRef`), or `destroy()`.
 *
 * A failed request sets `status()` to `'error'` and `error()` to the Observable's error: the errors the method's
 * `@throws` tags list (a `KuzzleError`, `RequestTimeoutError`, ...). `reload()` runs it again.
 *
 * Built on signals and an effect rather than Angular's `rxResource`, experimental in every version this package
 * supports. Until the first value the application is not stable (server-side rendering waits for it). During
 * server-side rendering, while the client is offline (it does not connect by itself there), the request is not
 * run at all: the page renders its `loading` state and the browser runs the request.
 *
 * @throws {Error} synchronously, Angular's `NG0203` when called outside an injection context without `options.injector`,
 * or `NG0201` (no provider for `KUZZLE`) when the application has no `provideKuzzle()`.
 *
 * @example The order of the route's id
 * ```ts
 * type Order = { status: string; total: number };
 *
 * @Component({
 *   selector: 'app-order',
 *   template: `
 *     @if (order.hasValue()) {
 *       <p>{{ order.value()._source.status }}: {{ order.value()._source.total }}</p>
 *     } @else if (order.error(); as error) {
 *       <p>{{ error.message }}</p>
 *       <button (click)="order.reload()">Retry</button>
 *     } @else {
 *       <p>Loading…</p>
 *     }
 *   `,
 * })
 * export class OrderComponent {
 *   private readonly kuzzle = inject(KUZZLE);
 *   readonly id = input.required<string>();
 *   readonly order = kuzzleResource(() => this.kuzzle.document.get<Order>('shop', 'orders', this.id()));
 * }
 * ```
 */
export function kuzzleResource<T>(
  request: () => Observable<T> | undefined,
  options?: KuzzleResourceOptions,
): KuzzleResourceRef<T | undefined> {
  const { injector, kuzzle, onServer } = helperContext(kuzzleResource, options);
  const tasks = injector.get(PendingTasks);
  const current = computed(request);
  const reloads = signal(0);
  const destroyed = signal(false);
  const last = signal<Run<T>>(idle(undefined));

  const state = computed((): Run<T> => {
    const ran = last();
    const asked = current();
    if (destroyed() || asked === undefined) return idle(asked);
    // A request not started yet (its arguments just changed) is loading, not the previous one's value.
    return ran.request === asked ? ran : { request: asked, status: 'loading', value: undefined, error: undefined };
  });

  const effectRef = runLatest(
    injector,
    current,
    (asked) => {
      const before = last();
      const again = before.request === asked && before.status !== 'idle';
      last.set({ request: asked, status: again ? 'reloading' : 'loading', value: again ? before.value : undefined, error: undefined });
      if (onServer && connectionState(kuzzle) === 'offline') return undefined;
      return asked.pipe(
        untilFirst(tasks),
        tap({
          next: (value) => last.set({ request: asked, status: 'resolved', value, error: undefined }),
          error: (error: unknown) => last.set({ request: asked, status: 'error', value: undefined, error: asError(error) }),
        }),
      );
    },
    reloads,
  );

  const status = computed(() => state().status);
  const value = computed(() => state().value);
  return {
    value,
    error: computed(() => state().error),
    status,
    isLoading: computed(() => status() === 'loading' || status() === 'reloading'),
    hasValue(): this is KuzzleResourceRef<T> {
      return value() !== undefined;
    },
    reload: () => {
      const now = untracked(status);
      if (now === 'idle' || now === 'loading') return false;
      reloads.update((count) => count + 1);
      return true;
    },
    destroy: () => {
      effectRef.destroy();
      destroyed.set(true);
    },
  } as KuzzleResourceRef<T | undefined>;
}
