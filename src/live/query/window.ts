import type { FilterTest } from '../filters';
import { liveDocument, type DocumentChange, type LiveDocument } from './changes';
import { sameJson } from './same-json';
import type { DocumentOrder } from './sort';

/**
 * The part of a query's result the client holds: the first `size` matching documents in order, and how many match
 * on the server. When `total` exceeds `documents.length` the window is truncated: matches exist that it does not know.
 */
export interface LiveWindow<S extends object> {
  readonly documents: ReadonlyArray<LiveDocument<S>>;
  readonly total: number;
}

/** What the rules of one live query need: its filter, its order, its bound. */
export interface WindowRules {
  readonly test: FilterTest;
  readonly order: DocumentOrder;
  readonly size: number;
}

/**
 * A window after a change, and what the change leaves unknown: `refill` when the window lost the certainty of
 * holding the first matches (a document left a truncated window, or moved past its end), `recount` when the total
 * may be wrong (a change to a document outside a truncated window, which may or may not have matched before).
 */
export interface Applied<S extends object> {
  readonly window: LiveWindow<S>;
  readonly refill: boolean;
  readonly recount: boolean;
}

export const isTruncated = (window: LiveWindow<object>): boolean => window.total > window.documents.length;

/** Where `document` goes in `documents` (sorted by `order`, without it): after every document that sorts before it. */
export function insertionPoint<S extends object>(
  documents: ReadonlyArray<LiveDocument<S>>,
  document: LiveDocument<S>,
  order: DocumentOrder,
): number {
  let low = 0;
  let high = documents.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (order(documents[mid] as LiveDocument<S>, document) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

const without = <T>(items: readonly T[], i: number): readonly T[] => [...items.slice(0, i), ...items.slice(i + 1)];
const withAt = <T>(items: readonly T[], i: number, item: T): readonly T[] => [...items.slice(0, i), item, ...items.slice(i)];

const result = <S extends object>(
  documents: ReadonlyArray<LiveDocument<S>>,
  total: number,
  refill = false,
  recount = false,
): Applied<S> => ({
  window: { documents: Object.freeze(documents), total },
  refill,
  recount,
});

/**
 * Applies one document change to a window. Live changes adjust the total where the change says for sure what it
 * did (a document created, a known document leaving); `replay` (a change re-applied on a snapshot that may already
 * count it) never changes the total by a document it does not hold, and asks for a recount instead.
 */
export function applyChange<S extends object>(
  rules: WindowRules,
  window: LiveWindow<S>,
  change: DocumentChange<S>,
  replay = false,
): Applied<S> {
  const unchanged: Applied<S> = { window, refill: false, recount: false };
  const { documents, total } = window;
  const truncated = isTruncated(window);
  const i = documents.findIndex((d) => d._id === change.id);
  const matches = change.kind === 'write' && change.source !== undefined && rules.test(change.source, change.id);
  if (i >= 0) {
    const rest = without(documents, i);
    if (!matches) return result(rest, total - 1, truncated);
    const was = documents[i] as LiveDocument<S>;
    if (sameJson(was._source, change.source)) return unchanged;
    const document = liveDocument<S>(change.id, change.source as LiveDocument<S>['_source']);
    const at = insertionPoint(rest, document, rules.order);
    // Past the end of a truncated window, documents it does not know may sort before this one.
    return result(withAt(rest, at, document), total, truncated && at === rest.length);
  }
  if (!truncated) {
    if (!matches) return unchanged;
    const document = liveDocument<S>(change.id, change.source as LiveDocument<S>['_source']);
    const grown = withAt(documents, insertionPoint(documents, document, rules.order), document);
    return result(grown.slice(0, rules.size), total + 1);
  }
  // Outside a truncated window: the document may have matched before, unless it was just created.
  const certain = !replay && change.created;
  if (!matches) {
    if (change.created) return unchanged;
    const matched = change.kind === 'delete' && change.source !== undefined ? rules.test(change.source, change.id) : undefined;
    if (matched === false) return unchanged;
    if (matched === true && !replay) return result(documents, total - 1);
    return { window, refill: false, recount: true };
  }
  const document = liveDocument<S>(change.id, change.source as LiveDocument<S>['_source']);
  const at = insertionPoint(documents, document, rules.order);
  const inside = at < documents.length ? withAt(documents, at, document).slice(0, rules.size) : documents;
  return result(inside, certain ? total + 1 : total, false, !certain);
}
