import type { MGetResult } from '../../controllers/document/types';
import type { LiveStatus } from '../types';
import { applyChange, type DocumentMap } from './apply-change';
import type { DocumentChange } from './document-change';
import { mergeSnapshot, type ChangeWindow } from './merge-snapshot';

/** What moves a watch on: the subscription's state, a notified change, a fetch's result. */
export type WatchInput<S extends object> =
  | { readonly kind: 'subscription'; readonly state: 'pending' | 'live' | 'restoring' }
  | { readonly kind: 'change'; readonly change: DocumentChange<S> }
  | { readonly kind: 'fetched'; readonly result: MGetResult<S> };

/**
 * Where a watch stands:
 * - `waiting`: the subscription is not live (not acknowledged yet, or being restored): nothing to fetch yet, and
 *   whatever a fetch of now would miss, the fetch made once it is live will hold;
 * - `fetching`: live, the fetch is in flight, and the changes notified meanwhile wait in `window`;
 * - `live`: the fetch is merged, and each change applies as it comes.
 */
export type WatchPhase<S extends object> =
  { readonly kind: 'waiting' } | { readonly kind: 'fetching'; readonly window: ChangeWindow<S> } | { readonly kind: 'live' };

export interface WatchState<S extends object> {
  readonly ids: readonly string[];
  readonly phase: WatchPhase<S>;
  /** Whether a fetch was merged once: until then the status is `loading`, and `resyncing` after. */
  readonly loaded: boolean;
  readonly documents: DocumentMap<S>;
}

const WAITING = { kind: 'waiting' } as const;
const LIVE = { kind: 'live' } as const;
const EMPTY_DOCUMENTS: DocumentMap<never> = new Map();

/** A watch of `ids` (deduplicated), before its subscription is made. */
export function initialWatchState<S extends object>(ids: readonly string[]): WatchState<S> {
  return { ids, phase: WAITING, loaded: false, documents: EMPTY_DOCUMENTS };
}

/** The status a watch in `state` reports. */
export function statusOf<S extends object>(state: WatchState<S>): LiveStatus {
  if (!state.loaded) return 'loading';
  return state.phase.kind === 'live' ? 'live' : 'resyncing';
}

/** The next state of a watch; `state` itself when the input changes nothing. */
export function nextWatchState<S extends object>(state: WatchState<S>, input: WatchInput<S>): WatchState<S> {
  const { phase } = state;
  switch (input.kind) {
    case 'subscription':
      // Each time the subscription is live (again), a new fetch starts and a new window with it.
      if (input.state === 'live') return { ...state, phase: { kind: 'fetching', window: new Map() } };
      return phase.kind === 'waiting' ? state : { ...state, phase: WAITING };
    case 'change':
      if (phase.kind === 'live') {
        const documents = applyChange(state.documents, input.change);
        return documents === state.documents ? state : { ...state, documents };
      }
      if (phase.kind === 'fetching') {
        return { ...state, phase: { kind: 'fetching', window: new Map(phase.window).set(input.change.id, input.change) } };
      }
      return state;
    case 'fetched':
      if (phase.kind !== 'fetching') return state;
      return { ...state, phase: LIVE, loaded: true, documents: mergeSnapshot(state.ids, state.documents, input.result, phase.window) };
  }
}
