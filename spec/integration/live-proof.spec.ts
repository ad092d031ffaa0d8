import { filter, firstValueFrom, type Observable } from 'rxjs';
import type { KuzzleDocument, Kuzzle, LiveResult, WatchedDocuments } from '../../src';
import { startFaultProxy, type FaultProxy } from '../../src/testing';
import { client, startTarget, targetNames, type Target } from '../support/targets';

// The proof of live data on a server: a writer on another connection creates, updates (in and out of the query),
// replaces and deletes documents without pause while a live query (or a watch of ids) starts, and while its link is
// cut and restored several times; once the writer stops and the live value settles (status `live`, then a quiet
// period), it must equal what a fresh search (or mGet) answers: the same ids, `_source`s and order. Each write stores a
// new `v`, so equal contents are equal versions: no missed document, no duplicate, no stale version, no resurrected
// delete. Repeated for as long as the budget allows (LIVE_PROOF_SECONDS per proof; 35 s on the real server, 8 s on the
// embedded one), each repetition on a fresh collection, with new random writes and cut times.

const FILTER = { range: { n: { gte: 50 } } };
/** The ids the writer plays with: some exist before the watch starts, some are created during it, some never. */
const POOL = Array.from({ length: 24 }, (_, i) => `d${String(i).padStart(2, '0')}`);
const WORKERS = 3;
const CUTS = 3;
/** No emission for this long, status `live`: the value has settled. */
const QUIET_MS = 1200;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const randomInt = (max: number) => Math.floor(Math.random() * max);
const word = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

interface Content {
  readonly n: number;
  readonly v: number;
}

// ---- the writer ----

interface Writer {
  readonly writes: () => number;
  readonly failures: unknown[];
  /** Stops after the writes in flight, and resolves once they are answered. */
  readonly stop: () => Promise<void>;
}

/**
 * Writes on `kuzzle` until stopped: WORKERS loops, each owning its share of POOL (no two writes to one document at
 * once, so the server's order of the writes of a document is the order they were sent). A random `n` in [0, 100)
 * moves a document in or out of FILTER.
 */
function startWriter(kuzzle: Kuzzle, index: string, collection: string, exists: Set<string>): Writer {
  let stopped = false;
  let writes = 0;
  let version = 0;
  const failures: unknown[] = [];
  const content = (): Content => ({ n: Math.random() * 100, v: ++version });
  const write = (id: string): Observable<unknown> => {
    const roll = Math.random();
    if (!exists.has(id)) {
      exists.add(id);
      return roll < 0.5
        ? kuzzle.document.create(index, collection, content(), id)
        : kuzzle.document.createOrReplace(index, collection, id, content());
    }
    if (roll < 0.45) return kuzzle.document.update(index, collection, id, content());
    if (roll < 0.7) return kuzzle.document.replace(index, collection, id, content());
    if (roll < 0.8) return kuzzle.document.createOrReplace(index, collection, id, content());
    exists.delete(id);
    return kuzzle.document.delete(index, collection, id);
  };
  const loop = async (owned: readonly string[]) => {
    while (!stopped) {
      try {
        await firstValueFrom(write(owned[randomInt(owned.length)] as string));
        writes++;
      } catch (error) {
        failures.push(error);
      }
      await sleep(randomInt(12));
    }
  };
  const running = Promise.all(Array.from({ length: WORKERS }, (_, w) => loop(POOL.filter((_, i) => i % WORKERS === w))));
  return {
    writes: () => writes,
    failures,
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}

// ---- watching ----

interface Watched<T extends { readonly status: string }> {
  readonly values: T[];
  readonly errors: unknown[];
  readonly stop: () => void;
  /** Resolves once the status is `live` and nothing was emitted for QUIET_MS; fails after `ms`. */
  readonly settled: (ms?: number) => Promise<T>;
}

function watching<T extends { readonly status: string }>(source: Observable<T>): Watched<T> {
  const values: T[] = [];
  const errors: unknown[] = [];
  let lastAt = Date.now();
  const subscription = source.subscribe({
    next: (value) => {
      values.push(value);
      lastAt = Date.now();
    },
    error: (error: unknown) => errors.push(error),
  });
  const settled = async (ms = 20_000): Promise<T> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const last = values[values.length - 1];
      if (errors.length > 0) throw errors[0];
      if (last?.status === 'live' && Date.now() - lastAt >= QUIET_MS) return last;
      if (Date.now() > deadline) throw new Error(`not settled within ${ms} ms (last status: ${last?.status ?? 'none'})`);
      await sleep(50);
    }
  };
  return { values, errors, stop: () => subscription.unsubscribe(), settled };
}

/** Cuts the link CUTS times at random moments: the first one while the watch subscribes and fetches. */
async function cutRepeatedly(proxy: FaultProxy): Promise<number> {
  for (let i = 0; i < CUTS; i++) {
    await sleep(i === 0 ? randomInt(40) : 80 + randomInt(400));
    proxy.all().cut();
  }
  return CUTS;
}

// ---- comparing ----

const userContent = (document: KuzzleDocument): Record<string, unknown> => {
  const { _kuzzle_info: _info, ...rest } = document._source as Record<string, unknown>;
  return rest;
};

/**
 * What differs between a live document and the server's, or undefined. A document known from a replace notification
 * has no `_kuzzle_info` (the server sends none): its content is compared, and its metadata when it has some.
 */
function difference(id: string, live: KuzzleDocument | null | undefined, fresh: KuzzleDocument | null | undefined): string | undefined {
  if (live == null || fresh == null)
    return (live == null) === (fresh == null)
      ? undefined
      : `${id}: live ${JSON.stringify(live ?? null)}, server ${JSON.stringify(fresh ?? null)}`;
  const liveInfo = (live._source as Record<string, unknown>)['_kuzzle_info'];
  const same =
    live._id === fresh._id &&
    JSON.stringify(userContent(live)) === JSON.stringify(userContent(fresh)) &&
    (liveInfo === undefined || JSON.stringify(liveInfo) === JSON.stringify((fresh._source as Record<string, unknown>)['_kuzzle_info']));
  return same ? undefined : `${id}: live ${JSON.stringify(live._source)}, server ${JSON.stringify(fresh._source)}`;
}

/**
 * Every difference between a settled live result and a fresh search of the same query; `stored` (every document
 * of the collection) says what became of a document the live result holds and the search does not.
 */
function resultDifferences(
  live: LiveResult,
  hits: readonly KuzzleDocument[],
  total: number,
  stored: ReadonlyMap<string, KuzzleDocument>,
): string[] {
  const out: string[] = [];
  const liveIds = live.documents.map((d) => d._id);
  const freshIds = hits.map((d) => d._id);
  if (JSON.stringify(liveIds) !== JSON.stringify(freshIds)) out.push(`ids: live ${liveIds.join(',')}, server ${freshIds.join(',')}`);
  if (new Set(liveIds).size !== liveIds.length) out.push(`duplicates in ${liveIds.join(',')}`);
  if (live.total !== total) out.push(`total: live ${live.total}, server ${total}`);
  const fresh = new Map(hits.map((d) => [d._id, d]));
  for (const document of live.documents) {
    const diff = difference(document._id, document, fresh.get(document._id));
    const now = stored.get(document._id);
    if (diff)
      out.push(`${diff}${fresh.has(document._id) ? '' : now ? ` (stored now: ${JSON.stringify(userContent(now))})` : ' (deleted)'}`);
  }
  return out;
}

/** Every difference between settled watched documents and a fresh mGet of them. */
function documentsDifferences(live: WatchedDocuments, found: readonly KuzzleDocument[], ids: readonly string[] = POOL): string[] {
  const out: string[] = [];
  if (JSON.stringify([...live.documents.keys()]) !== JSON.stringify(ids)) out.push(`ids: ${[...live.documents.keys()].join(',')}`);
  const fresh = new Map(found.map((d) => [d._id, d]));
  for (const id of ids) {
    const diff = difference(id, live.documents.get(id), fresh.get(id) ?? null);
    if (diff) out.push(diff);
  }
  return out;
}

// ---- the proof ----

const budgetSeconds = (name: Target['name']) => Number(process.env['LIVE_PROOF_SECONDS'] ?? (name === 'real' ? 35 : 8));

describe.each(targetNames())('live data on the %s server, with a writer on another connection and a link cut again and again', (name) => {
  let target: Target;
  let writer: Kuzzle;
  let watcher: Kuzzle;
  let proxy: FaultProxy;
  let index: string;
  let repetition = 0;

  beforeAll(async () => {
    target = await startTarget(name);
    writer = client(target);
    await firstValueFrom(writer.connect());
    proxy = await startFaultProxy({ target: { host: target.host, port: target.port } });
    watcher = client({ ...target, port: proxy.port }, { reconnectionDelay: 20, maxReconnectionDelay: 50 });
    await firstValueFrom(watcher.connect());
    index = word('liveproof');
    await firstValueFrom(writer.index.create(index));
  });
  afterAll(async () => {
    await firstValueFrom(writer.index.delete(index)).catch(() => undefined);
    watcher?.disconnect();
    writer?.disconnect();
    await proxy?.close();
    await target?.stop();
  });

  /** A fresh collection, half of POOL created in it: the ids that exist. */
  async function freshCollection(): Promise<{ collection: string; exists: Set<string> }> {
    const collection = `r${++repetition}`;
    await firstValueFrom(
      writer.collection.create(index, collection, { mappings: { properties: { n: { type: 'double' }, v: { type: 'integer' } } } }),
    );
    const seeded = POOL.filter(() => Math.random() < 0.5);
    let version = 1_000_000;
    if (seeded.length > 0) {
      const documents = seeded.map((_id) => ({ _id, body: { n: Math.random() * 100, v: ++version } }));
      await firstValueFrom(writer.document.mCreate(index, collection, documents, { refresh: 'wait_for' }));
    }
    return { collection, exists: new Set(seeded) };
  }

  /**
   * Runs repetitions of `one` for the budget; each returns the differences it found. Reports the counts, then
   * expects no difference at all.
   */
  async function prove(label: string, one: () => Promise<{ differences: string[]; writes: number; cuts: number }>): Promise<void> {
    const started = Date.now();
    const budget = budgetSeconds(name) * 1000;
    const failed: string[] = [];
    let repetitions = 0;
    let writes = 0;
    let cuts = 0;
    let reconnections = 0;
    while (repetitions === 0 || Date.now() - started < budget) {
      const restored = watcher.events$.pipe(filter((event) => event.type === 'reconnected')).subscribe(() => reconnections++);
      const before = reconnections;
      const outcome = await one();
      restored.unsubscribe();
      repetitions++;
      writes += outcome.writes;
      cuts += outcome.cuts;
      failed.push(...outcome.differences.map((d) => `#${repetitions}: ${d}`));
      if (reconnections === before) failed.push(`#${repetitions}: the link was never restored`);
    }
    console.info(
      `${label} on the ${name} server: ${repetitions} repetitions, ${writes} writes, ${cuts} link cuts, ${reconnections} reconnections, ` +
        `${failed.length} differences, in ${Date.now() - started} ms`,
    );
    expect(failed).toEqual([]);
  }

  /**
   * On the embedded server, responses (not notifications) leave up to 80 ms late while the watch starts and resyncs:
   * writes done after a fetch read the storage are then notified before the fetch's answer arrives, the race that
   * the merge by server time settles. The real server offers no such switch: there the race is as narrow as it is.
   */
  const slowResponses = (on: boolean) => target.embedded?.delayResponses(on ? 20 + randomInt(60) : 0);

  const proofTimeout = () => budgetSeconds(name) * 1000 + 90_000;

  /**
   * The case the repetitions stumble on by chance, made certain: writes notified just before the link goes down, then
   * writes while it is down (a delete, a document leaving the query, one entering it, one created), then the
   * restoration. Emits the settled value and the collection.
   */
  async function changedWhileDown<T extends { readonly status: string }>(
    watch: (collection: string) => Observable<T>,
  ): Promise<{ live: T; collection: string }> {
    const collection = `r${++repetition}`;
    await firstValueFrom(
      writer.collection.create(index, collection, { mappings: { properties: { n: { type: 'double' }, v: { type: 'integer' } } } }),
    );
    const seed = [
      ['a', 60],
      ['b', 70],
      ['c', 10],
      ['e', 55],
    ] as const;
    await firstValueFrom(
      writer.document.mCreate(
        index,
        collection,
        seed.map(([_id, n]) => ({ _id, body: { n, v: 0 } })),
        { refresh: 'wait_for' },
      ),
    );
    const watched = watching(watch(collection));
    await watched.settled();
    await firstValueFrom(writer.document.update(index, collection, 'a', { n: 65, v: 1 }));
    await firstValueFrom(writer.document.replace(index, collection, 'b', { n: 75, v: 2 }));
    await sleep(300);
    proxy.refuse();
    proxy.all().cut();
    await sleep(100);
    await firstValueFrom(writer.document.delete(index, collection, 'a'));
    await firstValueFrom(writer.document.update(index, collection, 'b', { n: 20, v: 3 }));
    await firstValueFrom(writer.document.update(index, collection, 'c', { n: 80, v: 4 }));
    await firstValueFrom(writer.document.create(index, collection, { n: 90, v: 5 }, 'd'));
    proxy.accept();
    const live = await watched.settled();
    watched.stop();
    return { live, collection };
  }

  it('document.watch shows, after a restoration, what changed while the link was down', async () => {
    const { live, collection } = await changedWhileDown((c) => watcher.document.watch(index, c, FILTER));
    await firstValueFrom(writer.collection.refresh(index, collection));
    const search = await firstValueFrom(writer.document.search(index, collection, { query: FILTER, sort: ['_id'] }, { size: 1000 }));
    const stored = await firstValueFrom(writer.document.mGet<Record<string, unknown>>(index, collection, ['a', 'b', 'c', 'd', 'e']));
    expect(search.hits.map((hit) => hit._id)).toEqual(['c', 'd', 'e']);
    expect(resultDifferences(live, search.hits, search.total, new Map(stored.successes.map((d) => [d._id, d])))).toEqual([]);
  });

  it('document.watchDocuments shows, after a restoration, what changed while the link was down', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'z'];
    const { live, collection } = await changedWhileDown((c) => watcher.document.watchDocuments(index, c, ids));
    const fetched = await firstValueFrom(writer.document.mGet<Record<string, unknown>>(index, collection, ids));
    expect(fetched.errors).toEqual(['a', 'z']);
    expect(documentsDifferences(live, fetched.successes, ids)).toEqual([]);
  });

  it(
    'document.watch ends equal to a fresh search of its query',
    async () => {
      await prove('document.watch', async () => {
        const { collection, exists } = await freshCollection();
        const writing = startWriter(writer, index, collection, exists);
        await sleep(randomInt(150));
        slowResponses(true);
        const watch = watching(watcher.document.watch(index, collection, FILTER));
        const cuts = await cutRepeatedly(proxy);
        await sleep(100 + randomInt(300));
        await writing.stop();
        slowResponses(false);
        expect(writing.failures).toEqual([]);
        const live = await watch.settled();
        watch.stop();
        await firstValueFrom(writer.collection.refresh(index, collection));
        const search = await firstValueFrom(writer.document.search(index, collection, { query: FILTER, sort: ['_id'] }, { size: 1000 }));
        const stored = await firstValueFrom(writer.document.mGet<Record<string, unknown>>(index, collection, POOL));
        await firstValueFrom(writer.collection.delete(index, collection));
        const differences = resultDifferences(live, search.hits, search.total, new Map(stored.successes.map((d) => [d._id, d])));
        return { differences, writes: writing.writes(), cuts };
      });
    },
    proofTimeout(),
  );

  it(
    'document.watchDocuments ends equal to a fresh mGet of its ids',
    async () => {
      await prove('document.watchDocuments', async () => {
        const { collection, exists } = await freshCollection();
        const writing = startWriter(writer, index, collection, exists);
        await sleep(randomInt(150));
        slowResponses(true);
        const watch = watching(watcher.document.watchDocuments(index, collection, POOL));
        const cuts = await cutRepeatedly(proxy);
        await sleep(100 + randomInt(300));
        await writing.stop();
        slowResponses(false);
        expect(writing.failures).toEqual([]);
        const live = await watch.settled();
        watch.stop();
        const fetched = await firstValueFrom(writer.document.mGet<Record<string, unknown>>(index, collection, POOL));
        await firstValueFrom(writer.collection.delete(index, collection));
        return { differences: documentsDifferences(live, fetched.successes), writes: writing.writes(), cuts };
      });
    },
    proofTimeout(),
  );
});
