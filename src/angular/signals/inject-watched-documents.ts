import { computed } from '@angular/core';
import type { WatchDocumentsOptions, WatchedDocuments } from 'kuzzle-rx';
import { helperContext, type InjectorOption } from './context';
import { liveSignal, type LiveSignal } from './live-signal';
import { read, sameJson, type Reactive } from './reactive';

/** Options of `injectWatchedDocuments()`: those of `document.watchDocuments()`. */
export interface InjectWatchedDocumentsOptions extends WatchDocumentsOptions, InjectorOption {}

interface DocumentsArgs {
  readonly index: string;
  readonly collection: string;
  readonly ids: readonly string[];
}

const sameArgs = (a: DocumentsArgs, b: DocumentsArgs): boolean =>
  a.index === b.index && a.collection === b.collection && sameJson(a.ids, b.ids);

/**
 * Documents watched by id, as a signal: the current `WatchedDocuments` of `document.watchDocuments(index, collection,
 * ids, options)`, each id mapped to its document or to `null` once it does not exist, a new map at each change.
 *
 * `index`, `collection` and `ids` may be values, signals or functions reading signals: when what they return changes,
 * the documents are watched again from `loading` (an empty map). The watch starts with the view (or the injector) and
 * ends with it (its `DestroyRef`). A failure keeps the last documents and sets `error()`: the errors
 * `document.watchDocuments()` lists. Nothing is watched during server-side rendering (the page renders `loading`).
 *
 * @throws {Error} synchronously, Angular's `NG0203` when called outside an injection context without `options.injector`,
 * or `NG0201` (no provider for `KUZZLE`) when the application has no `provideKuzzle()`.
 *
 * @example A basket's products, kept current
 * ```ts
 * type Product = { name: string; price: number };
 *
 * @Component({
 *   selector: 'app-basket',
 *   template: `
 *     @for (id of ids(); track id) {
 *       <li>{{ products().documents.get(id)?._source.name ?? 'no longer sold' }}</li>
 *     }
 *   `,
 * })
 * export class BasketComponent {
 *   readonly ids = input.required<readonly string[]>();
 *   readonly products = injectWatchedDocuments<Product>('shop', 'products', this.ids);
 * }
 * ```
 */
export function injectWatchedDocuments<S extends object = Record<string, unknown>>(
  index: Reactive<string>,
  collection: Reactive<string>,
  ids: Reactive<readonly string[]>,
  options: InjectWatchedDocumentsOptions = {},
): LiveSignal<WatchedDocuments<S>> {
  const { injector, kuzzle, onServer } = helperContext(injectWatchedDocuments, options);
  const { injector: _, ...watchOptions } = options;
  const args = computed((): DocumentsArgs => ({ index: read(index), collection: read(collection), ids: read(ids) }), { equal: sameArgs });
  return liveSignal<DocumentsArgs, WatchedDocuments<S>>(injector, args, {
    start: () => ({ status: 'loading', documents: new Map() }),
    open: ({ index, collection, ids }) => (onServer ? undefined : kuzzle.document.watchDocuments<S>(index, collection, ids, watchOptions)),
  });
}
