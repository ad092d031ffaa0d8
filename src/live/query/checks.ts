import type { SchedulerLike } from 'rxjs';
import { ArgumentCheck } from '../../controllers/arguments';
import type { KuzzleDocument } from '../../controllers/document/types';
import { InvalidRequestError } from '../../vocabulary/errors/client-errors';
import { liveDocument, type LiveDocument } from './changes';
import type { WatchOptions } from './options';
import { sortKeys, type SortKey } from './sort';

/** The server's default `limits.documentsFetchCount`: the most documents one search may return. */
export const DEFAULT_SIZE = 10_000;

/** The defaults of `WatchOptions` that have one. */
export const DEFAULT_WATCH_OPTIONS: Readonly<Required<Pick<WatchOptions, 'size' | 'lagThreshold' | 'checkInterval'>>> = Object.freeze({
  size: DEFAULT_SIZE,
  lagThreshold: 1000,
  checkInterval: 0,
});

const KNOWN: readonly string[] = ['sort', 'size', 'initial', 'lagThreshold', 'checkInterval', 'scheduler', 'timeout', 'volatile'];

/** The arguments of `document.watch()`, checked. */
export interface CheckedWatch<S extends object> {
  readonly index: string;
  readonly collection: string;
  readonly query: Record<string, unknown>;
  readonly sort: readonly SortKey[];
  readonly size: number;
  readonly initial: ReadonlyArray<LiveDocument<S>>;
  readonly lagThreshold: number;
  readonly checkInterval: number;
  readonly scheduler: SchedulerLike | undefined;
  /** The client's options of the search and count requests. */
  readonly requestOptions: { readonly timeout?: number; readonly volatile?: Record<string, unknown> };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function duration(check: ArgumentCheck, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  return check.number(name, value) >= 0 ? (value as number) : check.fail(name, 'a number of ms >= 0', value);
}

function initialDocuments<S extends object>(
  check: ArgumentCheck,
  value: ReadonlyArray<KuzzleDocument<S>> | undefined,
): ReadonlyArray<LiveDocument<S>> {
  if (value === undefined) return [];
  return check.array('initial', value).map((document, i) => {
    if (!isObject(document)) return check.fail(`initial[${i}]`, 'a document ({ _id, _source })', document);
    check.string(`initial[${i}]._id`, document._id);
    check.object(`initial[${i}]._source`, document._source);
    return liveDocument<S>(document._id, document._source);
  });
}

/** Checks the arguments of `document.watch()`; throws `InvalidRequestError` naming the bad one. Sends nothing. */
export function checkWatch<S extends object>(
  index: unknown,
  collection: unknown,
  query: unknown,
  options: WatchOptions<S> | undefined,
): CheckedWatch<S> {
  const check = new ArgumentCheck('document.watch');
  const target = { index: check.string('index', index), collection: check.string('collection', collection) };
  const filters = check.object('query', query as Record<string, unknown>);
  if (options !== undefined && !isObject(options)) check.fail('options', 'an object', options);
  const given: WatchOptions<S> = options ?? {};
  const unknown = Object.keys(given).filter((key) => !KNOWN.includes(key));
  if (unknown.length > 0)
    throw new InvalidRequestError(`document.watch: unknown option(s) ${unknown.join(', ')} (known: ${KNOWN.join(', ')})`, given);
  const size = given.size ?? DEFAULT_WATCH_OPTIONS.size;
  if (!Number.isInteger(size) || size <= 0) check.fail('size', 'a positive integer', size);
  const { scheduler, timeout, volatile } = given;
  if (
    scheduler !== undefined &&
    !(isObject(scheduler) && typeof scheduler['schedule'] === 'function' && typeof scheduler['now'] === 'function')
  ) {
    check.fail('scheduler', 'an rxjs scheduler', scheduler);
  }
  if (timeout !== undefined && timeout !== -1 && !(check.number('timeout', timeout) >= 0))
    check.fail('timeout', 'a number of ms >= 0, or -1', timeout);
  if (volatile !== undefined) check.object('volatile', volatile);
  return {
    ...target,
    query: filters,
    sort: sortKeys(check, given.sort),
    size,
    initial: initialDocuments(check, given.initial),
    lagThreshold: duration(check, 'lagThreshold', given.lagThreshold, DEFAULT_WATCH_OPTIONS.lagThreshold),
    checkInterval: duration(check, 'checkInterval', given.checkInterval, DEFAULT_WATCH_OPTIONS.checkInterval),
    scheduler,
    requestOptions: { ...(timeout === undefined ? {} : { timeout }), ...(volatile === undefined ? {} : { volatile }) },
  };
}
