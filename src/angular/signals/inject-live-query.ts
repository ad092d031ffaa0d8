import { computed, TransferState } from '@angular/core';
import type { KoncordeFilter, LiveResult, WatchOptions } from 'kuzzle-rx';
import { filter, take, tap } from 'rxjs';
import { connectionState, helperContext, type InjectorOption } from './context';
import { liveSignal, type LiveSignal } from './live-signal';
import { read, sameJson, type Reactive } from './reactive';
import { liveQueryStateKey, type TransferredLiveResult } from './transfer';

/** Options of `injectLiveQuery()`: those of `document.watch()`, and where to hand the result over from the server. */
export interface InjectLiveQueryOptions<S extends object = Record<string, unknown>> extends WatchOptions<S>, InjectorOption {
  /**
   * Hands the server-rendered result to the browser (`TransferState`, under `liveQueryStateKey(transferKey)`): the
   * server stores the result it rendered, the browser starts from it (as `initial`, with its total) instead of an
   * empty list, then goes live. Unique per query on the page. @default undefined (nothing handed over)
   */
  readonly transferKey?: string;
}

interface QueryArgs {
  readonly index: string;
  readonly collection: string;
  readonly query: KoncordeFilter;
}

const sameArgs = (a: QueryArgs, b: QueryArgs): boolean =>
  a.index === b.index && a.collection === b.collection && sameJson(a.query, b.query);

/**
 * A live query as a signal: the current `LiveResult` of `document.watch(index, collection, query, options)`
 * (`{ status, documents, total }`), a new one at each change.
 *
 * `index`, `collection` and `query` may be values, signals or functions reading signals: when what they return
 * changes (a query that serializes the same is the same), the query is watched again from `loading`. The watch starts
 * with the view (or the injector) and ends with it (its `DestroyRef`). A failure keeps the last result and sets
 * `error()`: the errors `document.watch()` lists (`InvalidRequestError` for bad arguments, `SubscriptionLostError`,
 * `TokenExpiredError`, `KuzzleError`, ...).
 *
 * During server-side rendering nothing is watched: while the client is offline (it does not connect by itself there)
 * the page renders the `loading` result; when the server's client connects (`connectOnCreate: true` in the server's
 * `provideKuzzle()`), the first live result is rendered, the render waits for it, and with `transferKey` it is
 * handed to the browser, whose first result it is.
 *
 * @throws {Error} synchronously, Angular's `NG0203` when called outside an injection context without `options.injector`,
 * or `NG0201` (no provider for `KUZZLE`) when the application has no `provideKuzzle()`.
 *
 * @example The orders of a status the user picks, largest first
 * ```ts
 * type Order = { status: string; total: number };
 *
 * @Component({
 *   selector: 'app-orders',
 *   template: `
 *     @if (orders().status === 'loading') {
 *       <p>Loading…</p>
 *     }
 *     <ul>
 *       @for (order of orders().documents; track order._id) {
 *         <li>{{ order._source.total }}</li>
 *       }
 *     </ul>
 *     @if (orders.error(); as error) {
 *       <p>Stopped: {{ error.message }}</p>
 *     }
 *   `,
 * })
 * export class OrdersComponent {
 *   readonly status = signal('new');
 *   readonly orders = injectLiveQuery<Order>('shop', 'orders', () => ({ equals: { status: this.status() } }), {
 *     sort: [{ total: 'desc' }],
 *     transferKey: 'orders',
 *   });
 * }
 * ```
 */
export function injectLiveQuery<S extends object = Record<string, unknown>>(
  index: Reactive<string>,
  collection: Reactive<string>,
  query: Reactive<KoncordeFilter> = {},
  options: InjectLiveQueryOptions<S> = {},
): LiveSignal<LiveResult<S>> {
  const { injector, kuzzle, onServer } = helperContext(injectLiveQuery, options);
  const { transferKey, injector: _, ...watchOptions } = options;
  const transfer = injector.get(TransferState);
  const key = transferKey === undefined ? undefined : liveQueryStateKey<S>(transferKey);

  // The browser takes the handed-over result once: for the first arguments watched.
  let handedOver: TransferredLiveResult<S> | undefined;
  if (key && !onServer) {
    handedOver = transfer.get(key, null) ?? undefined;
    transfer.remove(key);
  }
  const initial = (): TransferredLiveResult<S> => {
    const documents = handedOver?.documents ?? watchOptions.initial ?? [];
    return { documents, total: handedOver?.total ?? documents.length };
  };

  const args = computed((): QueryArgs => ({ index: read(index), collection: read(collection), query: read(query) }), { equal: sameArgs });
  return liveSignal<QueryArgs, LiveResult<S>>(injector, args, {
    start: () => ({ status: 'loading', ...initial() }),
    open: ({ index, collection, query }) => {
      if (onServer) {
        if (connectionState(kuzzle) === 'offline') return undefined;
        return kuzzle.document.watch<S>(index, collection, query, watchOptions).pipe(
          filter((result) => result.status === 'live'),
          take(1),
          tap((result) => key && transfer.set(key, { documents: result.documents, total: result.total })),
        );
      }
      const start = initial();
      handedOver = undefined;
      return kuzzle.document.watch<S>(
        index,
        collection,
        query,
        start.documents.length > 0 ? { ...watchOptions, initial: start.documents } : watchOptions,
      );
    },
    holdUntilFirst: onServer,
  });
}
