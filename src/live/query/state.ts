import type { LiveResult, LiveStatus } from '../types';
import type { DocumentChange, LiveDocument } from './changes';
import type { Snapshot } from './snapshot';
import type { LiveWindow, WindowRules } from './window';

/**
 * Where the live query is: subscribing (until the subscription is first live), fetching a snapshot (changes are
 * held meanwhile), live (changes applied as they come), restoring (the link was lost; the documents are kept).
 */
export type Phase = 'subscribing' | 'fetching' | 'live' | 'restoring';

/** The whole state of one live query: a plain value, changed only by `reduce()`. */
export interface WatchState<S extends object> {
  readonly phase: Phase;
  /** A snapshot was merged once: while the next one is fetched, the status is `resyncing`, not `loading`. */
  readonly synced: boolean;
  readonly window: LiveWindow<S>;
  /** The last request number given to an effect (a search, a recount); answers to older ones are ignored. */
  readonly requests: number;
  /** The search in flight, if any. */
  readonly fetch: number | null;
  /** When the search in flight was asked for, by the live query's clock. */
  readonly fetchedFrom: number;
  /** The recount in flight, if any, and `seq` when it was asked for: its answer holds only if no change came since. */
  readonly recount: { readonly request: number; readonly seq: number } | null;
  /** The changes received lately: held during a search, and replayed on a snapshot that may be too stale to show them. */
  readonly recent: ReadonlyArray<DocumentChange<S>>;
  /** How many document changes were received so far. */
  readonly seq: number;
  /** When the last document change was received, by the clock (-Infinity before the first). */
  readonly lastChangeAt: number;
  /** When the link was last lost, by the clock (-Infinity before the first loss). */
  readonly lostAt: number;
}

/** What a live query's state changes on. Every event carries `at`, the clock's time when it happened. */
export type WatchEvent<S extends object> =
  | { readonly type: 'status'; readonly state: 'pending' | 'live' | 'restoring'; readonly at: number }
  | { readonly type: 'change'; readonly change: DocumentChange<S>; readonly at: number }
  | { readonly type: 'snapshot'; readonly request: number; readonly snapshot: Snapshot<S>; readonly at: number }
  /** Something may have been missed: the client lagged, or a write was notified without its document's id. */
  | { readonly type: 'resync'; readonly reason: 'lag' | 'unidentified-write'; readonly at: number }
  | { readonly type: 'check'; readonly count: number; readonly seq: number; readonly sentAt: number; readonly at: number }
  /** The answer to a recount: null when the count failed (the total stays as it is). */
  | { readonly type: 'recount'; readonly request: number; readonly count: number | null; readonly at: number };

/** The rules of one live query, and how long a snapshot may lag behind the notifications (see `WatchTiming`). */
export interface WatchRules extends WindowRules {
  /**
   * How long (ms) a change stays in `recent` after it was received: a search may not yet see a write made this long
   * ago (the storage refreshes its search view periodically), so a snapshot is merged with the changes of that time.
   */
  readonly staleness: number;
}

/** The state before anything happened: the initial documents (sorted, bounded) with status `loading`. */
export function initialState<S extends object>(rules: WindowRules, initial: ReadonlyArray<LiveDocument<S>>): WatchState<S> {
  const documents = Object.freeze([...initial].sort(rules.order).slice(0, rules.size));
  return {
    phase: 'subscribing',
    synced: false,
    window: { documents, total: documents.length },
    requests: 0,
    fetch: null,
    fetchedFrom: Number.NEGATIVE_INFINITY,
    recount: null,
    recent: Object.freeze([]),
    seq: 0,
    lastChangeAt: Number.NEGATIVE_INFINITY,
    lostAt: Number.NEGATIVE_INFINITY,
  };
}

export function statusOf(state: WatchState<object>): LiveStatus {
  if (state.phase === 'live') return 'live';
  return state.synced ? 'resyncing' : 'loading';
}

/** What the live query emits for a state: a frozen value whose `documents` is the window's own (frozen) array. */
export const resultOf = <S extends object>(state: WatchState<S>): LiveResult<S> =>
  Object.freeze({ status: statusOf(state), documents: state.window.documents, total: state.window.total });

/** Two results show the same thing: same status, same total, the very same documents array. */
export const sameResult = <S extends object>(a: LiveResult<S>, b: LiveResult<S>): boolean =>
  a.status === b.status && a.total === b.total && a.documents === b.documents;
