import { firstValueFrom } from 'rxjs';
import type { Kuzzle } from '../../src';
import { compileFilter, toSearchQuery } from '../../src/live/filters';
import { Random } from '../support/live-filters-corpus';
import { MAPPINGS, typedDocuments, typedFilter } from '../support/live-filters-typed';
import { client, startTarget, type Target, targetNames } from '../support/targets';

// The Elasticsearch translation of Koncorde filters against the real server's search: on a collection that follows
// the translation's contract (see MAPPINGS), `document:search` with `toSearchQuery(filter)` must return exactly the
// documents `compileFilter(filter)` accepts.

const SEED = 7512;
const DOCUMENTS = 200;
const FILTERS = 200;

const word = (prefix: string): string => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

describe.runIf(targetNames().includes('real'))('toSearchQuery against the real server', () => {
  let target: Target;
  let kuzzle: Kuzzle;
  const index = word('rxlivefilters');
  const collection = 'corpus';
  const random = new Random(SEED);
  const documents = typedDocuments(random, DOCUMENTS);
  const ids = documents.map((d) => d.id);
  const filters = Array.from({ length: FILTERS }, () => typedFilter(random, 1 + random.int(3), ids));

  beforeAll(async () => {
    target = await startTarget('real');
    kuzzle = client(target);
    await firstValueFrom(kuzzle.connect());
    await firstValueFrom(kuzzle.query({ controller: 'index', action: 'create', index }));
    await firstValueFrom(kuzzle.query({ controller: 'collection', action: 'create', index, collection, body: { mappings: MAPPINGS } }));
    const body = { documents: documents.map((d) => ({ _id: d.id, body: d.source })) };
    const created = await firstValueFrom(
      kuzzle.query<{ errors: unknown[] }>({ controller: 'document', action: 'mCreate', index, collection, refresh: 'wait_for', body }),
    );
    expect(created.result.errors).toEqual([]);
  });

  afterAll(async () => {
    await firstValueFrom(kuzzle.query({ controller: 'index', action: 'delete', index })).catch(() => undefined);
    kuzzle.disconnect();
  });

  async function search(query: Record<string, unknown>): Promise<string[]> {
    const response = await firstValueFrom(
      kuzzle.query<{ hits: Array<{ _id: string }>; total: number }>({
        controller: 'document',
        action: 'search',
        index,
        collection,
        size: 1000,
        body: { query },
      }),
    );
    return response.result.hits.map((hit) => hit._id).sort();
  }

  it('finds exactly the documents the client-side evaluator accepts, filter by filter', { timeout: 300_000 }, async () => {
    const differences: unknown[] = [];
    let compared = 0;
    let nonEmpty = 0;
    let refused = 0;
    for (const filter of filters) {
      let query: Record<string, unknown>;
      try {
        query = toSearchQuery(filter, 'document.watch');
      } catch (error) {
        // a negated nothing, a case-insensitive regexp on a non-ASCII letter: refused by the evaluator too
        expect(() => compileFilter(filter, 'document.watch')).toThrow((error as Error).message);
        refused++;
        continue;
      }
      const test = compileFilter(filter);
      const expected = documents
        .filter((d) => test(d.source, d.id))
        .map((d) => d.id)
        .sort();
      const found = await search(query);
      compared++;
      if (expected.length > 0 && expected.length < DOCUMENTS) nonEmpty++;
      if (JSON.stringify(found) !== JSON.stringify(expected)) {
        differences.push({
          filter,
          query,
          missing: expected.filter((id) => !found.includes(id)),
          extra: found.filter((id) => !expected.includes(id)),
        });
      }
    }
    console.info(
      `toSearchQuery vs search: ${compared} filters on ${DOCUMENTS} documents (${refused} refused by both, ${nonEmpty} selecting some but not all)`,
    );
    expect(differences.slice(0, 3)).toEqual([]);
    expect(differences).toHaveLength(0);
    expect(compared + refused).toBe(FILTERS);
    expect(refused).toBeLessThan(FILTERS / 10);
    // the corpus is not trivial: most filters select some documents but not all
    expect(nonEmpty).toBeGreaterThan(FILTERS / 2);
  });

  it('matches the evaluator on the edge cases of the contract', async () => {
    const cases = [
      { range: { age: { gt: 1e7 } } },
      { not: { range: { age: { gt: 5 } } } },
      { regexp: { name: { value: '^k$', flags: 'i' } } },
      { exists: 'tags["a"]' },
      { match: { tags: [] } },
      { missing: 'meta.kind' },
    ];
    for (const filter of cases) {
      const test = compileFilter(filter);
      expect({ filter, found: await search(toSearchQuery(filter)) }).toEqual({
        filter,
        found: documents
          .filter((d) => test(d.source, d.id))
          .map((d) => d.id)
          .sort(),
      });
    }
  });
});
