import { getTestScheduler } from 'jasmine-marbles';
import { Kuzzle as SdkKuzzle } from 'kuzzle-sdk';
import { defer, firstValueFrom, map, type Observable, of, Subject, take, toArray } from 'rxjs';
import type { Kuzzle } from '../../../src/client/kuzzle';
import type { CallOptions } from '../../../src/controllers/base-controller';
import type { SearchResult } from '../../../src/controllers/search/search-result';
import { allHits, allPages } from '../../../src';
import { clientHarness, nameAndMessage, observe } from '../../support/client-harness';
import { comparable } from '../../support/compat-runner';
import { FakeWebSocket } from '../../support/fake-web-socket';
import { marbles } from '../../support/marbles';

// A search server over a fixed set of documents d00, d01, ... sorted by _id: it pages by `from`/`size`, by
// `search_after` on the `_id`, and by scroll cursors named after the position they resume at.

type Frame = Record<string, unknown>;
interface Hit {
  readonly _id: string;
  readonly _score: number;
  readonly _source: { readonly n: number; readonly age: number };
}

const documents = (count: number): Hit[] =>
  Array.from({ length: count }, (_, n) => ({ _id: `d${String(n).padStart(2, '0')}`, _score: 1, _source: { n, age: n % 3 } }));

interface SearchServer {
  /** The result the server answers a request frame with. */
  readonly answer: (frame: Frame) => unknown;
}

function searchServer(count: number, overrides: { readonly total?: number; readonly noScrollId?: boolean } = {}): SearchServer {
  const docs = documents(count);
  const slice = (start: number, size: number, scroll: boolean): Frame => ({
    hits: docs.slice(start, start + size),
    total: overrides.total ?? docs.length,
    ...(scroll && !overrides.noScrollId ? { scrollId: `scroll-${start + size}-${size}` } : {}),
    aggregations: { ages: { buckets: [] } },
  });
  const answer = (frame: Frame): unknown => {
    if (String(frame['action']).startsWith('scroll')) {
      const [, at, size] = String(frame['scrollId']).split('-');
      return slice(Number(at), Number(size), true);
    }
    const size = typeof frame['size'] === 'number' ? frame['size'] : 10;
    const after = (frame['body'] as { search_after?: unknown[] } | undefined)?.search_after;
    const start = after ? docs.findIndex((doc) => doc._id === after[0]) + 1 : typeof frame['from'] === 'number' ? frame['from'] : 0;
    return slice(start, size, frame['scroll'] !== undefined);
  };
  return { answer };
}

/** A client whose server answers every request at once from `server`. */
function answeringClient(server: SearchServer): { kuzzle: Kuzzle; socket: FakeWebSocket } {
  const { kuzzle, connect } = clientHarness();
  const socket = connect();
  FakeWebSocket.onSend = (s, text) => {
    const frame = JSON.parse(text) as Frame;
    if (typeof frame['controller'] === 'string') s.respond(frame, server.answer(frame));
  };
  return { kuzzle, socket };
}

/** The frames kuzzle-sdk 7 sends for the same search, paged with its SearchResult's `next()` until it resolves null. */
async function sdkFrames(
  server: SearchServer,
  body: Frame,
  options: CallOptions,
  search: (sdk: SdkKuzzle, body: Frame, options: never) => Promise<{ next(): Promise<unknown> }> = (sdk, b, o) =>
    sdk.document.search('i', 'c', b, o),
): Promise<Frame[]> {
  const frames: Frame[] = [];
  const protocol = {
    id: 'sdk-instance',
    connected: true,
    addListener: () => undefined,
    isReady: () => true,
    query: (request: Frame) => {
      frames.push(JSON.parse(JSON.stringify(request)) as Frame);
      return Promise.resolve({ result: server.answer(request), status: 200, error: null, requestId: request['requestId'] });
    },
  };
  const sdk = new SdkKuzzle(protocol as never);
  // A copy: kuzzle-sdk writes search_after into the body it was given.
  let page: { next(): Promise<unknown> } | null = await search(sdk, structuredClone(body), structuredClone(options) as never);
  for (let pages = 0; page !== null && pages < 20; pages++) page = (await page.next()) as typeof page;
  return frames.map((frame) => comparable(frame));
}

/** The next page of `page`, which the test expects to exist. */
function nextOf<H>(page: SearchResult<H> | undefined): Observable<SearchResult<H> | null> {
  if (page === undefined) throw new Error('no such page');
  return page.next();
}

const ids = (page: SearchResult<{ _id: string }> | null): string[] => page?.hits.map((hit) => hit._id) ?? [];
const range = (from: number, to: number): string[] =>
  documents(to)
    .slice(from)
    .map((doc) => doc._id);

beforeEach(() => FakeWebSocket.reset());

interface Strategy {
  readonly name: string;
  readonly body: Frame;
  readonly options: CallOptions;
  /** The second request the search sends, once its first page is in. */
  readonly second: Frame;
}

const query = { query: { match_all: {} } };
const strategies: readonly Strategy[] = [
  {
    name: 'scroll',
    body: query,
    options: { scroll: '10s', size: 10 },
    second: { controller: 'document', action: 'scroll', scroll: '10s', scrollId: 'scroll-10-10' },
  },
  {
    name: 'sort + size (search_after)',
    body: { ...query, sort: ['_id'] },
    options: { size: 10 },
    second: {
      controller: 'document',
      action: 'search',
      index: 'i',
      collection: 'c',
      body: { ...query, sort: ['_id'], search_after: ['d09'] },
      size: 10,
    },
  },
  {
    name: 'from/size',
    body: query,
    options: { size: 10 },
    second: { controller: 'document', action: 'search', index: 'i', collection: 'c', body: query, size: 10, from: 10 },
  },
];

describe('SearchResult.next()', () => {
  describe.each(strategies)('by $name', ({ body, options, second }) => {
    it('sends the next request kuzzle-sdk 7 sends, page after page', async () => {
      const server = searchServer(25);
      const { kuzzle, socket } = answeringClient(server);
      const pages = observe(allPages(kuzzle.document.search('i', 'c', body, options)));
      expect(pages.completed).toBe(true);
      expect(pages.values.map((page) => page.hits.length)).toEqual([10, 10, 5]);
      const mine = socket.requests.map((frame) => comparable(frame));
      expect(mine[1]).toEqual(second);
      expect(mine).toEqual(await sdkFrames(server, body, options));
    });

    it('counts what was fetched, keeps the total, and emits each hit once in order', () => {
      const { kuzzle } = answeringClient(searchServer(25));
      const pages = observe(allPages(kuzzle.document.search('i', 'c', body, options)));
      expect(pages.values.map((page) => [page.fetched, page.total])).toEqual([
        [10, 25],
        [20, 25],
        [25, 25],
      ]);
      expect(pages.values.flatMap(ids)).toEqual(range(0, 25));
    });

    it('emits null from the last page, sending nothing', () => {
      const { kuzzle, socket } = answeringClient(searchServer(25));
      const last = observe(allPages(kuzzle.document.search('i', 'c', body, options))).values[2];
      const sent = socket.requests.length;
      const after = observe(nextOf(last));
      expect(after.values).toEqual([null]);
      expect(after.completed).toBe(true);
      expect(socket.requests).toHaveLength(sent);
    });
  });

  it.each([
    ['scroll', { scroll: '10s', size: 10 }, {}],
    ['sort + size', { size: 10 }, { sort: ['_id'] }],
    ['from/size', { size: 10 }, {}],
  ] as const)('pages security.searchUsers by %s as kuzzle-sdk 7 does', async (_, options, sort) => {
    const server = searchServer(25);
    const { kuzzle, socket } = answeringClient(server);
    const body = { query: { match_all: {} }, ...sort };
    const pages = observe(allPages(kuzzle.security.searchUsers(body, options)));
    expect(pages.values.flatMap(ids)).toEqual(range(0, 25));
    const mine = socket.requests.map((frame) => comparable(frame));
    expect(mine.map((frame) => `${String(frame['controller'])}:${String(frame['action'])}`)).toEqual(
      'scroll' in options
        ? ['security:searchUsers', 'security:scrollUsers', 'security:scrollUsers']
        : ['security:searchUsers', 'security:searchUsers', 'security:searchUsers'],
    );
    expect(mine).toEqual(await sdkFrames(server, body, options, (sdk, b, o) => sdk.security.searchUsers(b, o)));
  });

  it('emits null after an empty page, even when the server counted more hits', () => {
    const { kuzzle, socket } = answeringClient(searchServer(5, { total: 50 }));
    const pages = observe(allPages(kuzzle.document.search('i', 'c', query, { size: 5 })));
    expect(pages.values.map((page) => page.hits.length)).toEqual([5, 0]);
    expect(pages.completed).toBe(true);
    expect(socket.requests).toHaveLength(2);
  });

  it('moves on from where a first page that started at `from` ended', () => {
    // kuzzle-sdk 7 asks `from: fetched` (10 here), which fetches the first page again.
    const { kuzzle, socket } = answeringClient(searchServer(25));
    const pages = observe(allPages(kuzzle.document.search('i', 'c', query, { from: 5, size: 10 })));
    expect(pages.values.flatMap(ids)).toEqual(range(5, 25));
    expect(socket.requests.map((frame) => frame['from'])).toEqual([5, 15]);
    expect(pages.completed).toBe(true);
  });

  it("pages by search_after without the first page's from", () => {
    const { kuzzle, socket } = answeringClient(searchServer(25));
    const pages = observe(allPages(kuzzle.document.search('i', 'c', { sort: [{ _id: 'asc' }] }, { from: 5, size: 10 })));
    expect(pages.values.flatMap(ids)).toEqual(range(5, 25));
    expect(socket.requests.map((frame) => [frame['from'], (frame['body'] as Frame)['search_after']])).toEqual([
      [5, undefined],
      [undefined, ['d14']],
    ]);
  });

  it('leaves the query it was given as it was', () => {
    const { kuzzle } = answeringClient(searchServer(25));
    const sorted = { ...query, sort: ['_id'] };
    const pages = observe(allPages(kuzzle.document.search('i', 'c', sorted, { size: 10 })));
    expect(pages.values).toHaveLength(3);
    expect(sorted).toEqual({ ...query, sort: ['_id'] });
  });

  it('keeps the aggregations and the scrollId of a page, and is immutable', () => {
    const { kuzzle } = answeringClient(searchServer(25));
    const first = observe(kuzzle.document.search('i', 'c', query, { scroll: '1m', size: 10 })).values[0];
    expect(first).toMatchObject({ aggregations: { ages: { buckets: [] } }, scrollId: 'scroll-10-10', fetched: 10, total: 25 });
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first?.hits)).toBe(true);
  });

  describe('refuses to page, sending nothing, when', () => {
    const refusals: ReadonlyArray<readonly [string, Frame, CallOptions, string]> = [
      [
        'the sort has no _id',
        { sort: ['age'] },
        { size: 10 },
        'Invalid request: document.search: cannot fetch the next page: a sort must identify one hit to page with search_after: add "_id" to it',
      ],
      [
        'the sort is an object without _id',
        { sort: { age: 'desc' } },
        { size: 10 },
        'Invalid request: document.search: cannot fetch the next page: a sort must identify one hit to page with search_after: add "_id" to it',
      ],
      [
        'the search had no size',
        query,
        {},
        'Invalid request: document.search: cannot fetch the next page: search with the size option (with a sort to page by search_after), or with scroll',
      ],
      [
        'the sorted search had no size',
        { sort: ['_id'] },
        {},
        'Invalid request: document.search: cannot fetch the next page: search with the size option (with a sort to page by search_after), or with scroll',
      ],
    ];

    it.each(refusals)('%s', (_, body, options, message) => {
      const { kuzzle, socket } = answeringClient(searchServer(25));
      const first = observe(kuzzle.document.search('i', 'c', body, options)).values[0];
      expect(first?.hits.length).toBeGreaterThan(0);
      const next = observe(nextOf(first));
      expect(nameAndMessage(next.error)).toEqual({ name: 'InvalidRequestError', message });
      expect(socket.requests).toHaveLength(1);
    });

    it('a scroll search got no scrollId', () => {
      const { kuzzle, socket } = answeringClient(searchServer(25, { noScrollId: true }));
      const next = observe(allPages(kuzzle.document.search('i', 'c', query, { scroll: '10s', size: 10 })));
      expect(nameAndMessage(next.error)).toEqual({
        name: 'InvalidRequestError',
        message: 'Invalid request: document.search: cannot fetch the next page: the server returned no scrollId to scroll with',
      });
      expect(next.values).toHaveLength(1);
      expect(socket.requests).toHaveLength(1);
    });
  });
});

describe('allHits()', () => {
  it.each(strategies)('with take(50) over pages of 20 fetches exactly 3 pages by $name', ({ body, options }) => {
    const { kuzzle, socket } = answeringClient(searchServer(100));
    const hits = observe(allHits(kuzzle.document.search('i', 'c', body, { ...options, size: 20 })).pipe(take(50)));
    expect(hits.completed).toBe(true);
    expect(hits.values.map((hit) => hit._id)).toEqual(range(0, 50));
    expect(socket.requests).toHaveLength(3);
  });

  it('emits every hit of every page, then completes', async () => {
    const { kuzzle } = answeringClient(searchServer(45));
    const hits = await firstValueFrom(allHits(kuzzle.document.search('i', 'c', query, { size: 10 })).pipe(toArray()));
    expect(hits.map((hit) => hit._id)).toEqual(range(0, 45));
  });
});

describe('allPages()', () => {
  it('does not even subscribe to the next page of a page that ended the subscription', () => {
    const asked: number[] = [];
    const pageAt = (n: number): SearchResult<number> => ({
      hits: [n],
      total: 100,
      fetched: n + 1,
      next: () =>
        defer(() => {
          asked.push(n);
          return of(pageAt(n + 1));
        }),
    });
    const pages = observe(allPages(of(pageAt(0))).pipe(take(3)));
    expect(pages.values.map((page) => page.hits[0])).toEqual([0, 1, 2]);
    expect(asked).toEqual([0, 1]);
  });

  it('errors with the error of a next page, after the pages before it', () => {
    const { kuzzle } = answeringClient(searchServer(25));
    const pages = observe(allPages(kuzzle.document.search('i', 'c', { sort: ['age'] }, { size: 10 })));
    expect(pages.values).toHaveLength(1);
    expect(nameAndMessage(pages.error)).toMatchObject({ name: 'InvalidRequestError' });
  });
});

describe('paging in virtual time', () => {
  // jasmine-marbles' scheduler: one marble frame is 10 virtual ms. The server answers each request `delay` ms after it
  // arrives; the wire shows one letter per request sent: s = search.

  function slowServer(count: number, delay: number): { kuzzle: Kuzzle; wire: Observable<string> } {
    const scheduler = getTestScheduler();
    const server = searchServer(count);
    const wire = new Subject<string>();
    const { kuzzle, connect } = clientHarness({ scheduler });
    connect();
    FakeWebSocket.onSend = (socket, text) => {
      const frame = JSON.parse(text) as Frame;
      if (typeof frame['controller'] !== 'string') return;
      wire.next(frame['action'] === 'search' ? 's' : 'x');
      scheduler.schedule(() => socket.respond(frame, server.answer(frame)), delay);
    };
    return { kuzzle, wire };
  }

  const firstIds = (pages: Observable<SearchResult<{ _id: string }>>): Observable<string> =>
    pages.pipe(map((page) => page.hits[0]?._id ?? '-'));

  it('emits each page as it arrives and completes with the last one', () => {
    const scheduler = marbles();
    const { kuzzle, wire } = slowServer(25, 10);
    const pages = firstIds(allPages(kuzzle.document.search('i', 'c', query, { size: 10 })));

    scheduler.expectObservable(wire).toBe('sss');
    scheduler.expectObservable(pages).toBe('-ab(c|)', { a: 'd00', b: 'd10', c: 'd20' });
    scheduler.flush();
  });

  it('sends nothing more once unsubscribed while a page is on its way', () => {
    const scheduler = marbles();
    const { kuzzle, wire } = slowServer(100, 20);
    const pages = firstIds(allPages(kuzzle.document.search('i', 'c', query, { size: 10 })));

    scheduler.expectObservable(wire).toBe('s-s');
    scheduler.expectObservable(pages, '^--!').toBe('--a', { a: 'd00' });
    scheduler.flush();
  });

  it('asks for the next page only once the previous one is in', () => {
    const scheduler = marbles();
    const { kuzzle, wire } = slowServer(45, 30);
    const hits = allHits(kuzzle.document.search('i', 'c', { sort: ['_id'] }, { size: 20 })).pipe(
      take(45),
      toArray(),
      map((all) => all.length),
    );

    scheduler.expectObservable(wire).toBe('s--s--s');
    scheduler.expectObservable(hits).toBe('---------(n|)', { n: 45 });
    scheduler.flush();
  });
});
