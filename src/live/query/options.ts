import type { SchedulerLike } from 'rxjs';
import type { CallOptions } from '../../controllers/BaseController';
import type { KuzzleDocument } from '../../controllers/document/DocumentController';

/** A sort of the live result, as in a search: `'age'`, `['age', { _id: 'desc' }]`, `{ age: 'desc' }`. */
export type LiveSort = string | ReadonlyArray<string | Readonly<Record<string, 'asc' | 'desc'>>> | Readonly<Record<string, 'asc' | 'desc'>>;

/** Options of `document.watch()`. */
export interface WatchOptions<S extends object = Record<string, unknown>> extends Pick<CallOptions, 'timeout' | 'volatile'> {
  /** The order of `documents`. @default by `_id` */
  readonly sort?: LiveSort;
  /** How many documents the result holds at most. @default 10000 (the server's default `limits.documentsFetchCount`) */
  readonly size?: number;
  /** Documents to start from (handed over from server-side rendering): emitted at once with status `loading`. @default undefined */
  readonly initial?: ReadonlyArray<KuzzleDocument<S>>;
  /**
   * A timer that fires this many ms late means the client was too busy to read its socket, and the server may have
   * skipped notifications to it: the result is resynchronised. 0 disables. @default 1000
   */
  readonly lagThreshold?: number;
  /** Every this many ms, the result's total is checked against a count on the server, and resynchronised when they differ; 0 disables. @default 0 */
  readonly checkInterval?: number;
  /** Scheduler of the live query's timers. @default the client's */
  readonly scheduler?: SchedulerLike;
}
