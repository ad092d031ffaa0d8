import { Kuzzle as SdkKuzzle, WebSocket as SdkWebSocket } from 'kuzzle-sdk';
import { firstValueFrom, lastValueFrom, type Observable, take, toArray } from 'rxjs';
import WebSocket from 'ws';
import type { Kuzzle } from '../../src/client/kuzzle';
import type { CallOptions } from '../../src/controllers/base-controller';
import type { SearchResult } from '../../src/controllers/search/search-result';
import { allHits, allPages, type WebSocketCtor } from '../../src';
import { client, startTarget, type Target, targetNames } from '../support/targets';

// Paging through 45 documents (and some users) on the real server with each strategy, compared with kuzzle-sdk 7 on
// the same server. Ids are one word each: the storage stand-in of the test server matches ids word by word.

type Frame = Record<string, unknown>;
const COUNT = 45;
const word = (prefix: string): string => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

/** The request frames a client sent, recorded by its WebSocket. */
function recordingSocket(sent: Frame[]): WebSocketCtor {
  class RecordingWebSocket extends WebSocket {
    override send(data: unknown, ...rest: unknown[]): void {
      const frame = JSON.parse(String(data)) as Frame;
      if (typeof frame['controller'] === 'string') sent.push(frame);
      (super.send as (...args: unknown[]) => void)(data, ...rest);
    }
  }
  return RecordingWebSocket as unknown as WebSocketCtor;
}

interface Strategy {
  readonly name: string;
  readonly body: Frame;
  readonly options: CallOptions;
}

const strategies: readonly Strategy[] = [
  { name: 'scroll', body: {}, options: { scroll: '10s', size: 10 } },
  { name: 'sort + size (search_after)', body: { sort: ['_id'] }, options: { size: 10 } },
  { name: 'from/size', body: {}, options: { size: 10 } },
];

/** Every page kuzzle-sdk 7 gives, its `next()` called until it resolves null, as plain data. */
async function sdkPages(first: Promise<{ next(): Promise<unknown> }>, hit: (hit: never) => unknown = (h) => h): Promise<unknown[]> {
  const pages: unknown[] = [];
  let page: { next(): Promise<unknown> } | null = await first;
  while (page !== null && pages.length < 20) {
    pages.push(page);
    page = (await page.next()) as typeof page;
  }
  return pages.map((page) => comparablePage(page, hit));
}

/**
 * What both clients' pages hold: the hits (each through `hit`), the counts and the aggregations (the scroll cursor
 * differs per search).
 */
function comparablePage(page: unknown, hit: (hit: never) => unknown = (h) => h): unknown {
  const { hits, total, fetched, aggregations } = page as SearchResult<never>;
  return JSON.parse(JSON.stringify({ hits: hits.map(hit), total, fetched, aggregations })) as unknown;
}

/** A user's data fields, which both clients have (kuzzle-sdk's `User` adds `content`, kuzzle-rx `profileIds`). */
const userData = (user: { _id: string; _source: unknown }): unknown => ({ _id: user._id, _source: user._source });

const pagesOf = <H>(first$: Observable<SearchResult<H>>): Promise<Array<SearchResult<H>>> =>
  lastValueFrom(allPages(first$).pipe(toArray()));
const idsOf = (pages: ReadonlyArray<SearchResult<{ _id: string }>>): string[] => pages.flatMap((page) => page.hits.map((hit) => hit._id));

describe.runIf(targetNames().includes('real'))('paging through search results on the real server', () => {
  let target: Target;
  let kuzzle: Kuzzle;
  let sdk: SdkKuzzle;
  const sent: Frame[] = [];
  const index = word('rxpaging');
  const collection = 'c';
  const ids = Array.from({ length: COUNT }, (_, n) => `doc${String(n).padStart(2, '0')}`);

  beforeAll(async () => {
    target = await startTarget('real');
    kuzzle = client(target, { WebSocketCtor: recordingSocket(sent) });
    await firstValueFrom(kuzzle.connect());
    sdk = new SdkKuzzle(new SdkWebSocket(target.host, { port: target.port }));
    await sdk.connect();
    await firstValueFrom(kuzzle.query({ controller: 'index', action: 'create', index }));
    await firstValueFrom(kuzzle.query({ controller: 'collection', action: 'create', index, collection }));
    const documents = ids.map((_id, n) => ({ _id, body: { n, parity: n % 2 } }));
    await firstValueFrom(
      kuzzle.query({ controller: 'document', action: 'mCreate', index, collection, refresh: 'wait_for', body: { documents } }),
    );
  });

  afterAll(async () => {
    await firstValueFrom(kuzzle.query({ controller: 'index', action: 'delete', index })).catch(() => undefined);
    kuzzle.disconnect();
    sdk.disconnect();
  });

  describe.each(strategies)('by $name with pages of 10', ({ body, options }) => {
    it('sees every document exactly once, counting fetched and total right', async () => {
      const pages = await pagesOf(kuzzle.document.search(index, collection, body, options));
      expect(idsOf(pages).sort()).toEqual(ids);
      expect(pages.map((page) => [page.hits.length, page.fetched, page.total])).toEqual([
        [10, 10, COUNT],
        [10, 20, COUNT],
        [10, 30, COUNT],
        [10, 40, COUNT],
        [5, 45, COUNT],
      ]);
      const last = pages[pages.length - 1];
      if (!last) throw new Error('no page');
      await expect(firstValueFrom(last.next())).resolves.toBeNull();
    });

    it('gives the pages kuzzle-sdk 7 gives', async () => {
      const mine = (await pagesOf(kuzzle.document.search(index, collection, body, options))).map((page) => comparablePage(page));
      const theirs = await sdkPages(sdk.document.search(index, collection, structuredClone(body), structuredClone(options) as never));
      expect(mine).toEqual(theirs);
    });
  });

  it('pages by search_after in the order of a sort that ends with _id', async () => {
    const pages = await pagesOf(kuzzle.document.search(index, collection, { sort: [{ parity: 'asc' }, { _id: 'asc' }] }, { size: 10 }));
    const even = ids.filter((_, n) => n % 2 === 0);
    const odd = ids.filter((_, n) => n % 2 === 1);
    expect(idsOf(pages)).toEqual([...even, ...odd]);
  });

  it('stops at allHits(...).pipe(take(15)): two pages asked for, nothing after', async () => {
    const before = sent.length;
    const hits = await lastValueFrom(
      allHits(kuzzle.document.search(index, collection, { sort: ['_id'] }, { size: 10 })).pipe(take(15), toArray()),
    );
    expect(hits.map((hit) => hit._id)).toEqual(ids.slice(0, 15));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const searches = sent.slice(before).filter((frame) => frame['controller'] === 'document' && frame['action'] === 'search');
    expect(searches).toHaveLength(2);
    expect(sent.slice(before)).toHaveLength(2);
  });

  it('refuses a sort without _id at next(), after a first page the server gave', async () => {
    const first = await firstValueFrom(kuzzle.document.search(index, collection, { sort: ['n'] }, { size: 10 }));
    expect(first.hits.map((hit) => hit._id)).toEqual(ids.slice(0, 10));
    const before = sent.length;
    await expect(firstValueFrom(first.next())).rejects.toMatchObject({ name: 'InvalidRequestError' });
    expect(sent).toHaveLength(before);
  });

  describe('security.searchUsers', () => {
    const group = word('rxpagingusers');
    const userIds = Array.from({ length: 12 }, (_, n) => `${group}u${String(n).padStart(2, '0')}`);
    const query = { query: { term: { group } } };

    beforeAll(async () => {
      for (const [n, _id] of userIds.entries()) {
        await firstValueFrom(
          kuzzle.query({
            controller: 'security',
            action: 'createUser',
            _id,
            ...(n === userIds.length - 1 ? { refresh: 'wait_for' } : {}),
            body: { content: { profileIds: ['default'], group, n }, credentials: {} },
          }),
        );
      }
    });

    afterAll(async () => {
      await firstValueFrom(
        kuzzle.query({ controller: 'security', action: 'mDeleteUsers', refresh: 'wait_for', body: { ids: userIds } }),
      ).catch(() => undefined);
    });

    const userStrategies: readonly Strategy[] = [
      { name: 'scroll', body: query, options: { scroll: '10s', size: 5 } },
      { name: 'sort + size (search_after)', body: { ...query, sort: ['_id'] }, options: { size: 5 } },
      { name: 'from/size', body: query, options: { size: 5 } },
    ];

    it.each(userStrategies)('pages by $name through every user once, as kuzzle-sdk 7 does', async ({ body, options }) => {
      const pages = await pagesOf(kuzzle.security.searchUsers(body, options));
      expect(idsOf(pages).sort()).toEqual(userIds);
      expect(pages.map((page) => [page.fetched, page.total])).toEqual([
        [5, 12],
        [10, 12],
        [12, 12],
      ]);
      expect(pages[0]?.hits[0]?.profileIds).toEqual(['default']);
      const theirs = await sdkPages(sdk.security.searchUsers(structuredClone(body), structuredClone(options) as never), userData);
      expect(pages.map((page) => comparablePage(page, userData))).toEqual(theirs);
    });
  });
});
