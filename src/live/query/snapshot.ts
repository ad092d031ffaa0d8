import type { KuzzleDocument } from '../../controllers/document/types';
import { liveDocument, writtenAt, type DocumentChange, type LiveDocument } from './changes';
import { sameJson } from './same-json';
import { applyChange, type Applied, type WindowRules } from './window';

/** A search's answer: the first hits of the query in its order (at most `size`), and how many match. */
export interface Snapshot<S extends object> {
  readonly hits: ReadonlyArray<KuzzleDocument<S>>;
  readonly total: number;
}

/** The last change of each document, in the order they were received. */
export function lastChanges<S extends object>(changes: ReadonlyArray<DocumentChange<S>>): ReadonlyArray<DocumentChange<S>> {
  const last = new Map<string, DocumentChange<S>>();
  for (const change of changes) {
    last.delete(change.id);
    last.set(change.id, change);
  }
  return [...last.values()];
}

/**
 * The window a snapshot makes, merged with the changes received lately (those during the search, and those the
 * search may be too stale to include). Per document, the newer wins by server time: a change made after the hit was
 * written is applied on it (a deletion or a document leaving removes it: a stale hit cannot bring it back); a hit
 * written after the change stays. A document whose content is the one `previous` holds keeps its object.
 *
 * A change received before the link was lost (at `lostAt` or earlier) is only merged on the hit of its document:
 * while the client was deaf the document may have been deleted or moved out of the query, which the snapshot, made
 * after the restoration, knows and the change does not; so it never brings back a document the snapshot lacks.
 * (The cost: a write made less than a storage refresh (about 1 s) before a loss that is restored faster than that
 * may be missing until its document changes again.)
 */
export function mergeSnapshot<S extends object>(
  rules: WindowRules,
  previous: ReadonlyArray<LiveDocument<S>>,
  snapshot: Snapshot<S>,
  recent: ReadonlyArray<DocumentChange<S>>,
  lostAt: number = Number.NEGATIVE_INFINITY,
): Applied<S> {
  const known = new Map(previous.map((d) => [d._id, d]));
  const hits = new Map<string, KuzzleDocument<S>>();
  // Pages fetched one after the other may show a document twice (moved by a write in between): the later wins.
  for (const hit of snapshot.hits) {
    hits.delete(hit._id);
    hits.set(hit._id, hit);
  }
  const documents = [...hits.values()]
    .map((hit) => {
      const was = known.get(hit._id);
      return was && sameJson(was._source, hit._source) ? was : liveDocument<S>(hit._id, hit._source);
    })
    .sort(rules.order)
    .slice(0, rules.size);
  let merged: Applied<S> = {
    window: { documents: Object.freeze(documents), total: Math.max(snapshot.total, documents.length) },
    refill: false,
    recount: false,
  };
  for (const change of lastChanges(recent)) {
    const hit = hits.get(change.id);
    if (hit === undefined ? change.at <= lostAt : writtenAt(hit) > change.time) continue;
    const next = applyChange(rules, merged.window, change, true);
    merged = { window: next.window, refill: merged.refill || next.refill, recount: merged.recount || next.recount };
  }
  const same = merged.window.documents.length === previous.length && merged.window.documents.every((d, i) => d === previous[i]);
  return same ? { ...merged, window: { ...merged.window, documents: previous } } : merged;
}
