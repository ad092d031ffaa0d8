import { defer, map, type Observable, of, throwError } from 'rxjs';
import { InvalidRequestError } from '../../vocabulary/errors/client-errors';
import type { JsonObject } from '../arguments';
import type { CallOptions, QuerySender, RequestArguments } from '../query-sender';
import type { SearchResult } from './search-result';

/** A search to run and page through. */
export interface SearchSpec<H> {
  readonly sender: QuerySender;
  readonly controller: string;
  /** The search action (`search`, `searchUsers`, ...). */
  readonly action: string;
  /** Its scroll action (`scroll`, `scrollUsers`, ...), or none when the server has no scroll for it. */
  readonly scrollAction: string | undefined;
  /** The method's name in errors (`document.search`). */
  readonly method: string;
  /** The request's checked fields (index, collection, body, ...). */
  readonly args: RequestArguments;
  /** The call's options: the client's, and the API arguments `from`, `size`, `scroll`, `lang`, ... */
  readonly options: CallOptions | undefined;
  /** Turns a raw hit into the value a page holds (the identity by default). */
  readonly mapHit?: (hit: never) => H;
}

interface RawPage {
  readonly hits?: readonly unknown[];
  readonly total?: number;
  readonly aggregations?: JsonObject;
  readonly suggest?: JsonObject;
  readonly scrollId?: string;
}

type Paging = 'scroll' | 'search_after' | 'from';

/** How a search pages, as kuzzle-sdk 7 decides it: `scroll` first, then `size` with or without a sort. */
function pagingOf(options: CallOptions | undefined, body: unknown): Paging | undefined {
  if (options?.['scroll'] !== undefined) return 'scroll';
  if (options?.['size'] === undefined) return undefined;
  const sort = typeof body === 'object' && body !== null ? (body as JsonObject)['sort'] : undefined;
  return sort === undefined ? 'from' : 'search_after';
}

/** The field names of a sort, in order: `'age'`, `['age', { _id: 'asc' }]` or `{ age: 'desc' }`. */
function sortKeys(sort: unknown): string[] {
  if (typeof sort === 'string') return [sort];
  if (Array.isArray(sort)) return sort.map((s: unknown) => (typeof s === 'string' ? s : (Object.keys(s as JsonObject)[0] ?? '')));
  return typeof sort === 'object' && sort !== null ? Object.keys(sort) : [];
}

function valueAt(hit: unknown, key: string): unknown {
  const record = hit as { _id?: unknown; _source?: unknown };
  if (key === '_id') return record._id;
  return key
    .split('.')
    .reduce<unknown>(
      (value, part) => (typeof value === 'object' && value !== null ? (value as JsonObject)[part] : undefined),
      record._source,
    );
}

/**
 * The hits the first page skipped (its `from`): paging by `from` or `search_after` cannot reach them, so they count
 * as fetched when deciding whether a next page exists, and `from` moves on from there.
 */
function skippedOf(options: CallOptions | undefined): number {
  const from = options?.['from'];
  return typeof from === 'number' && options?.['scroll'] === undefined ? from : 0;
}

/** Runs the search and emits its first page once, then completes; errors as `SearchResult.next()` says. */
export function search<H>(spec: SearchSpec<H>): Observable<SearchResult<H>> {
  return fetchPage(spec, spec.action, spec.args, spec.options, 0);
}

function fetchPage<H>(
  spec: SearchSpec<H>,
  action: string,
  args: RequestArguments,
  options: CallOptions | undefined,
  before: number,
): Observable<SearchResult<H>> {
  return spec.sender
    .query<RawPage>({ ...args, controller: spec.controller, action }, options)
    .pipe(map((response) => page(spec, response.result ?? {}, before)));
}

function page<H>(spec: SearchSpec<H>, raw: RawPage, before: number): SearchResult<H> {
  const rawHits = raw.hits ?? [];
  const mapHit = spec.mapHit as ((hit: unknown) => H) | undefined;
  const hits = Object.freeze(mapHit ? rawHits.map(mapHit) : [...(rawHits as H[])]);
  const fetched = before + hits.length;
  const total = raw.total ?? 0;
  // An empty page ends the search too: the server has nothing after it, whatever it counted.
  const exhausted = hits.length === 0 || skippedOf(spec.options) + fetched >= total;
  const result: SearchResult<H> = {
    hits,
    total,
    fetched,
    ...(raw.aggregations === undefined ? {} : { aggregations: raw.aggregations }),
    ...(raw.suggest === undefined ? {} : { suggest: raw.suggest }),
    ...(raw.scrollId === undefined ? {} : { scrollId: raw.scrollId }),
    next: () => defer(() => (exhausted ? of(null) : nextPage(spec, raw, rawHits, fetched))),
  };
  return Object.freeze(result);
}

const refuse = (spec: SearchSpec<unknown>, reason: string, request: unknown): Observable<never> =>
  throwError(() => new InvalidRequestError(`${spec.method}: cannot fetch the next page: ${reason}`, request));

function nextPage<H>(spec: SearchSpec<H>, raw: RawPage, rawHits: readonly unknown[], fetched: number): Observable<SearchResult<H>> {
  const { args, options } = spec;
  switch (pagingOf(options, args.body)) {
    case 'scroll':
      if (spec.scrollAction === undefined)
        return refuse(spec, 'this search has no scroll action: page with the size option (and a sort) instead', args);
      if (raw.scrollId === undefined) return refuse(spec, 'the server returned no scrollId to scroll with', args);
      return fetchPage(spec, spec.scrollAction, { scroll: options?.['scroll'], scrollId: raw.scrollId }, clientOptions(options), fetched);
    case 'search_after': {
      const body = args.body as JsonObject;
      const keys = sortKeys(body['sort']);
      if (!keys.includes('_id')) {
        return refuse(spec, 'a sort must identify one hit to page with search_after: add "_id" to it', body['sort']);
      }
      const last = rawHits[rawHits.length - 1];
      const after = { ...args, body: { ...body, search_after: keys.map((key) => valueAt(last, key)) } };
      // search_after replaces from: sending both would skip `from` hits again, or be refused.
      return fetchPage(spec, spec.action, after, withoutFrom(options), fetched);
    }
    case 'from':
      return fetchPage(spec, spec.action, args, { ...options, from: skippedOf(options) + fetched }, fetched);
    default:
      return refuse(spec, 'search with the size option (with a sort to page by search_after), or with scroll', args);
  }
}

const CLIENT_KEYS = ['timeout', 'volatile', 'queuable', 'resendAfterReconnect'] as const;

/** The client's own options of a call, without its API arguments (a scroll request takes none of the search's). */
function clientOptions(options: CallOptions | undefined): CallOptions {
  const out: Record<string, unknown> = {};
  for (const key of CLIENT_KEYS) if (options?.[key] !== undefined) out[key] = options[key];
  return out;
}

function withoutFrom(options: CallOptions | undefined): CallOptions {
  const { from: _from, ...rest } = options ?? {};
  return rest;
}
