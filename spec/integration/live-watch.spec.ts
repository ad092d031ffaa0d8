import { filter, firstValueFrom } from 'rxjs';
import type { Kuzzle } from '../../src';
import type { LiveResult } from '../../src/live/types';
import { startFaultProxy } from '../../src/testing';
import { client, record, startTarget, twoClientsOnFreshIndex, targetNames, waitFor, type Target } from '../support/targets';

type Item = { color: string; n: number };
type Result = LiveResult<Item>;

// Ids are single words: the storage stand-in of the real test server matches ids by word.
const shown = (result: Result | undefined) =>
  result ? `${result.status} ${result.documents.map((d) => `${d._id}:${d._source.n}`).join(',')} /${result.total}` : 'none';

describe.each(targetNames())('document.watch on the %s server', (name) => {
  let target: Target;
  let kuzzle: Kuzzle;
  let other: Kuzzle;
  let index: string;
  const red = { equals: { color: 'red' } };

  beforeAll(async () => {
    target = await startTarget(name);
  });
  afterAll(async () => {
    await target.stop();
  });
  beforeEach(async () => {
    ({ kuzzle, other, index } = await twoClientsOnFreshIndex(target, 'watch'));
  });
  afterEach(async () => {
    await firstValueFrom(kuzzle.query({ controller: 'index', action: 'delete', index })).catch(() => undefined);
    kuzzle.disconnect();
    other.disconnect();
  });

  const put = (id: string, color: string, n: number) =>
    firstValueFrom(other.document.createOrReplace<Item>(index, 'c', id, { color, n }, { refresh: 'wait_for' }));
  const last = (watch: { values: Result[] }) => watch.values[watch.values.length - 1];
  const until = async (watch: { values: Result[] }, expected: string) => {
    await waitFor(() => shown(last(watch)) === expected).catch(() => expect(shown(last(watch))).toBe(expected));
  };

  it('starts from the search, then follows creations, updates and deletions', async () => {
    await put('one', 'red', 1);
    await put('two', 'blue', 2);
    const watch = record(kuzzle.document.watch<Item>(index, 'c', red));
    await until(watch, 'live one:1 /1');
    expect(watch.values[0]?.status).toBe('loading');
    await firstValueFrom(other.document.create<Item>(index, 'c', { color: 'red', n: 3 }, 'three'));
    await until(watch, 'live one:1,three:3 /2');
    await firstValueFrom(other.document.update<Item>(index, 'c', 'two', { color: 'red' }));
    await until(watch, 'live one:1,three:3,two:2 /3');
    await firstValueFrom(other.document.delete(index, 'c', 'one'));
    await until(watch, 'live three:3,two:2 /2');
    expect(watch.errors).toEqual([]);
    watch.stop();
  });

  it('drops a document of the first result that is updated, or replaced, out of the query', async () => {
    await put('one', 'red', 1);
    await put('two', 'red', 2);
    await put('three', 'red', 3);
    const watch = record(kuzzle.document.watch<Item>(index, 'c', red));
    await until(watch, 'live one:1,three:3,two:2 /3');
    await firstValueFrom(other.document.update<Item>(index, 'c', 'one', { color: 'blue' }));
    await until(watch, 'live three:3,two:2 /2');
    await firstValueFrom(other.document.replace<Item>(index, 'c', 'two', { color: 'green', n: 2 }));
    await until(watch, 'live three:3 /1');
    watch.stop();
  });

  it('keeps the sort and the bound, and the total of every match', async () => {
    for (const [id, n] of [
      ['one', 1],
      ['two', 2],
      ['three', 3],
    ] as const)
      await put(id, 'red', n);
    const watch = record(kuzzle.document.watch<Item>(index, 'c', red, { sort: { n: 'desc' }, size: 2 }));
    await until(watch, 'live three:3,two:2 /3');
    await firstValueFrom(other.document.create<Item>(index, 'c', { color: 'red', n: 9 }, 'nine'));
    await until(watch, 'live nine:9,three:3 /4');
    await firstValueFrom(other.document.update<Item>(index, 'c', 'one', { n: 5 }));
    await until(watch, 'live nine:9,one:5 /4');
    watch.stop();
  });

  // The embedded server has no document:upsert.
  it.runIf(name === 'real')('shows a document created by an upsert (notified without its id) by fetching the result again', async () => {
    await put('one', 'red', 1);
    const watch = record(kuzzle.document.watch<Item>(index, 'c', red));
    await until(watch, 'live one:1 /1');
    await firstValueFrom(other.document.upsert<Item>(index, 'c', 'two', { n: 2 }, { default: { color: 'red' }, refresh: 'wait_for' }));
    await until(watch, 'live one:1,two:2 /2');
    await firstValueFrom(other.document.upsert<Item>(index, 'c', 'two', { n: 3 }));
    await until(watch, 'live one:1,two:3 /2');
    watch.stop();
  });

  it('notifies every write of the collection: how many changed the result', async () => {
    // No lag detection: a resync would add emissions that no write caused.
    const watch = record(kuzzle.document.watch<Item>(index, 'c', red, { lagThreshold: 0 }));
    // The same room as the watch's (same collection, filters, scope and users): it adds no traffic, it counts it.
    const notified = record(kuzzle.realtime.subscribe(index, 'c', {}, { scope: 'all' }).pipe(filter((n) => n.type === 'document')));
    await until(watch, 'live  /0');
    const writes = 20;
    for (let i = 0; i < writes; i++) {
      await firstValueFrom(other.document.createOrReplace<Item>(index, 'c', `doc${i}`, { color: i % 5 === 0 ? 'red' : 'blue', n: i }));
    }
    await until(watch, 'live doc0:0,doc10:10,doc15:15,doc5:5 /4');
    await waitFor(() => notified.values.length >= writes);
    const changes = watch.values.filter((v) => v.status === 'live').length - 1;
    console.info(`document.watch on the ${name} server: ${notified.values.length} notifications received, ${changes} changed the result`);
    expect([notified.values.length, changes]).toEqual([writes, writes / 5]);
    watch.stop();
    notified.stop();
  });

  it('fetches again after a link loss, and merges what changed meanwhile', async () => {
    const proxy = await startFaultProxy({ target: { host: target.host, port: target.port } });
    const viaProxy = client({ ...target, port: proxy.port }, { reconnectionDelay: 50, maxReconnectionDelay: 100 });
    try {
      await firstValueFrom(viaProxy.connect());
      await put('one', 'red', 1);
      await put('two', 'red', 2);
      const watch = record(viaProxy.document.watch<Item>(index, 'c', red));
      await until(watch, 'live one:1,two:2 /2');
      proxy.all().cut();
      // Changed while the link is down: no notification reaches the watch, the new snapshot shows it.
      await firstValueFrom(other.document.delete(index, 'c', 'one', { refresh: 'wait_for' }));
      await put('three', 'red', 3);
      await until(watch, 'live three:3,two:2 /2');
      expect(watch.values.map((v) => v.status)).toContain('resyncing');
      expect(watch.errors).toEqual([]);
      watch.stop();
    } finally {
      viaProxy.disconnect();
      await proxy.close();
    }
  });
});
