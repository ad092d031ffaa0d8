import type { SchedulerLike } from 'rxjs';
import type { CallOptions } from '../../controllers/base-controller';
import type { KuzzleDocument } from '../../controllers/document/document-controller';

/** A sort of the live result, as in a search: `'age'`, `['age', { _id: 'desc' }]`, `{ age: 'desc' }`. */
export type LiveSort = string | ReadonlyArray<string | Readonly<Record<string, 'asc' | 'desc'>>> | Readonly<Record<string, 'asc' | 'desc'>>;

/** Options of `document.watch()`. */
export interface WatchOptions<S extends object = Record<string, unknown>> extends Pick<CallOptions, 'timeout' | 'volatile'> {
  /**
   * The order of `documents`, as in a search; `_id` ascending is appended as the tie-break unless the sort has it.
   * The client keeps the order under updates: numbers by value, strings by code unit (as keywords sort), a missing
   * value last in either direction, an array by its smallest value ascending and its largest descending. `_score`
   * cannot be used (the client cannot compute a relevance). @default by `_id`
   */
  readonly sort?: LiveSort;
  /**
   * How many documents the result holds at most: the first `size` in the sort order, while `total` counts every
   * match. When more match, a document leaving the result (or moving past its end) makes the client fetch the result
   * again (status `resyncing`) to fill the gap, and a change it cannot count (an update of a document it does not
   * hold, which may or may not have matched before) makes it count again with `document:count` once the writes
   * settle. @default 10000 (the server's default `limits.documentsFetchCount`)
   */
  readonly size?: number;
  /**
   * Documents to start from (handed over from server-side rendering): emitted at once with status `loading`, then
   * replaced by the server's result, with no empty result in between; those that did not change keep their object.
   * @default undefined
   */
  readonly initial?: ReadonlyArray<KuzzleDocument<S>>;
  /**
   * Lag detection. The server silently skips notifications to a client too slow to read its socket; a client that
   * could not run a timer could not read its socket either. A timer ticks every `lagThreshold` ms; a tick that fires
   * more than `lagThreshold` ms late (a long task, a suspended process or laptop) makes the client fetch the result
   * again (status `resyncing`). So a stall longer than 2 × `lagThreshold` is always caught, one longer than
   * `lagThreshold` may be. Browsers throttle the timers of hidden tabs (to once a second, or once a minute after a
   * while) though they keep reading sockets: a hidden tab may fetch its result again at each late tick. Set a larger
   * threshold, or 0, where that costs too much. 0 disables. @default 1000
   */
  readonly lagThreshold?: number;
  /**
   * Periodic check. Every `checkInterval` ms, the client counts the query's matches with `document:count` and fetches
   * the result again when the count differs from `total`. It catches what no notification tells: writes made with
   * `silent: true`, bulk imports, a collection truncated. A check made while writes come in is inconclusive and
   * ignored (the storage counts what it has indexed, up to about a second late). 0 disables. @default 0
   */
  readonly checkInterval?: number;
  /** Scheduler of the live query's timers and of the answers it merges. @default the client's */
  readonly scheduler?: SchedulerLike;
}
