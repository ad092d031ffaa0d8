import type { DocumentChange } from './changes';
import { mergeSnapshot } from './snapshot';
import type { WatchEvent, WatchRules, WatchState } from './state';
import { applyChange, type Applied } from './window';

/** Asks for a new snapshot: the search in flight, if any, is abandoned (its answer will be ignored). */
function fetch<S extends object>(state: WatchState<S>, at: number): WatchState<S> {
  const request = state.requests + 1;
  return { ...state, phase: 'fetching', requests: request, fetch: request, fetchedFrom: at, recount: null };
}

/** Asks for a recount of the total, unless one is waiting already (it will ask again if changes came meanwhile). */
function recount<S extends object>(state: WatchState<S>): WatchState<S> {
  if (state.recount !== null) return state;
  const request = state.requests + 1;
  return { ...state, requests: request, recount: { request, seq: state.seq } };
}

/**
 * Keeps the changes a snapshot may still miss: those received within `staleness` ms before now, or before the search
 * in flight was asked for (its answer is merged with every change since).
 */
function recentAt<S extends object>(
  rules: WatchRules,
  state: WatchState<S>,
  changes: ReadonlyArray<DocumentChange<S>>,
  now: number,
): ReadonlyArray<DocumentChange<S>> {
  const since = (state.fetch === null ? now : Math.min(now, state.fetchedFrom)) - rules.staleness;
  const first = changes.findIndex((c) => c.at >= since);
  if (first === 0) return changes;
  return Object.freeze(first < 0 ? [] : changes.slice(first));
}

function settle<S extends object>(state: WatchState<S>, applied: Applied<S>, at: number): WatchState<S> {
  const next = applied.window === state.window ? state : { ...state, window: applied.window };
  if (applied.refill) return fetch(next, at);
  return applied.recount ? recount(next) : next;
}

/**
 * The live query's state after one event: the pure rules of `document.watch()`.
 * - The subscription live (first time or restored): fetch a snapshot; restoring: abandon any search, keep the documents.
 * - A change while live is applied at once; while fetching it is held, and merged with the snapshot when it comes.
 * - A snapshot (of the search in flight only) is merged with the recent changes, newest wins (see `mergeSnapshot`).
 * - A lag of the client, a write notified without its id, or a periodic count that disagrees with the total: fetch
 *   again.
 */
export function reduce<S extends object>(rules: WatchRules, state: WatchState<S>, event: WatchEvent<S>): WatchState<S> {
  switch (event.type) {
    case 'status':
      if (event.state === 'live') return fetch(state, event.at);
      if (event.state === 'pending') return { ...state, phase: 'subscribing', fetch: null, recount: null };
      return { ...state, phase: 'restoring', fetch: null, recount: null, lostAt: event.at };
    case 'change': {
      const recent = recentAt(rules, state, [...state.recent, event.change], event.at);
      const next = { ...state, recent, seq: state.seq + 1, lastChangeAt: event.at };
      return state.phase === 'live' ? settle(next, applyChange(rules, state.window, event.change), event.at) : next;
    }
    case 'snapshot': {
      if (event.request !== state.fetch) return state;
      const merged = mergeSnapshot(rules, state.window.documents, event.snapshot, state.recent, state.lostAt);
      const live: WatchState<S> = { ...state, phase: 'live', synced: true, fetch: null, recount: null };
      return settle({ ...live, recent: recentAt(rules, live, state.recent, event.at) }, merged, event.at);
    }
    case 'resync':
      return state.phase === 'live' || state.phase === 'fetching' ? fetch(state, event.at) : state;
    case 'check': {
      const quiet = event.seq === state.seq && state.lastChangeAt < event.sentAt - rules.staleness;
      return state.phase === 'live' && quiet && event.count !== state.window.total ? fetch(state, event.at) : state;
    }
    case 'recount': {
      if (state.recount === null || event.request !== state.recount.request) return state;
      if (event.count === null) return { ...state, recount: null };
      if (state.recount.seq !== state.seq) return recount({ ...state, recount: null });
      const total = Math.max(event.count, state.window.documents.length);
      const window = total === state.window.total ? state.window : { ...state.window, total };
      return { ...state, window, recount: null };
    }
  }
}
