import { toSearchQuery } from '../../../src/live/filters';

// The Elasticsearch query of a Koncorde filter (the real server's answers are compared in
// spec/integration/live-filters.spec.ts).

const regexp = (value: string) => ({ regexp: { a: { value } } });
const mustNot = (query: unknown) => ({ bool: { must_not: [query] } });

describe('toSearchQuery', () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    ['{} is match_all', {}, { match_all: {} }],
    ['equals is a term', { equals: { a: 'x' } }, { term: { a: 'x' } }],
    ['equals null matches no stored document', { equals: { a: null } }, { match_none: {} }],
    ['equals on _id is ids', { equals: { _id: 'd1' } }, { ids: { values: ['d1'] } }],
    [
      'ids',
      { ids: { values: ['d1', 'd2'] } },
      { bool: { should: [{ ids: { values: ['d1'] } }, { ids: { values: ['d2'] } }], minimum_should_match: 1 } },
    ],
    ['in', { in: { a: ['x'] } }, { term: { a: 'x' } }],
    ['exists', { exists: 'meta.kind' }, { exists: { field: 'meta.kind' } }],
    ['exists on _id', { exists: '_id' }, { match_all: {} }],
    ['exists field[value]', { exists: 'tags["x"]' }, { term: { tags: 'x' } }],
    ['exists field[object]', { exists: 'tags[{"a":1}]' }, { match_none: {} }],
    ['missing', { missing: 'a' }, mustNot({ exists: { field: 'a' } })],
    ['range gte/lte as they are', { range: { n: { gte: 1, lte: 2 } } }, { range: { n: { gte: 1, lte: 2 } } }],
    [
      'range gt/lt moved by 1e-10 as Koncorde does',
      { range: { n: { gt: 1, lt: 2 } } },
      { range: { n: { gte: 1 + 1e-10, lte: 2 - 1e-10 } } },
    ],
    [
      'a negated range: missing, or below, or above',
      { not: { range: { n: { gte: 1, lt: 2 } } } },
      {
        bool: {
          should: [mustNot({ exists: { field: 'n' } }), { range: { n: { lte: 1 - 1e-10 } } }, { range: { n: { gte: 2 } } }],
          minimum_should_match: 1,
        },
      },
    ],
    ['and', { and: [{ exists: 'a' }, { exists: 'b' }] }, { bool: { filter: [{ exists: { field: 'a' } }, { exists: { field: 'b' } }] } }],
    [
      'not pushed to the leaves',
      { not: { or: [{ exists: 'a' }, { equals: { b: 1 } }] } },
      { bool: { filter: [mustNot({ exists: { field: 'a' } }), mustNot({ term: { b: 1 } })] } },
    ],
    [
      'bool',
      { bool: { must: [{ exists: 'a' }], should_not: [{ exists: 'b' }] } },
      { bool: { filter: [{ exists: { field: 'a' } }, mustNot({ exists: { field: 'b' } })] } },
    ],
    [
      'match',
      { match: { meta: { kind: 'x', tags: ['a', 'b'], deep: {} } } },
      {
        bool: {
          filter: [
            { term: { 'meta.kind': 'x' } },
            { bool: { filter: [{ term: { 'meta.tags': 'a' } }, { term: { 'meta.tags': 'b' } }] } },
            { exists: { field: 'meta.deep' } },
          ],
        },
      },
    ],
    ['nothing', { nothing: {} }, { match_none: {} }],
  ])('%s', (_, filter, query) => {
    expect(toSearchQuery(filter)).toEqual(query);
  });

  it.each<[string, string, string]>([
    ['unanchored: .* around', 'b+', '.*b+.*'],
    ['anchored', '^ab$', 'ab'],
    ['each alternative on its own', 'x|^y', '.*x.*|y.*'],
    ['. is anything but \\n', 'a.c', '.*a[^\n]c.*'],
    ['classes and \\d', '[a-c\\d]{2,}', '.*[0-9a-c]{2,}.*'],
    ['negated class', '[^ab]', '.*[^ab].*'],
    ["Lucene's operators are escaped", '@&~<>#"', '.*\\@\\&\\~\\<\\>\\#\\".*'],
    ['groups and repetitions', '(?:ab|c)*d?', '.*(ab|c)*d?.*'],
    ['empty', '', '.*.*'],
  ])('regexp: %s', (_, source, lucene) => {
    expect(toSearchQuery({ regexp: { a: source } })).toEqual(regexp(lucene));
  });

  it('anchors lines under m', () => {
    expect(toSearchQuery({ regexp: { a: { value: '^x$', flags: 'm' } } })).toEqual(regexp('(.*\n)?x(\n.*)?'));
  });

  it('folds case under i itself, so that no Elasticsearch flag is needed', () => {
    expect(toSearchQuery({ regexp: { a: { value: '^k.s$', flags: 'is' } } })).toEqual(regexp('[Kk\u212a].[Ss\u017f]'));
  });

  it.each<[Record<string, unknown>, string]>([
    [{ select: { field: 'l', index: 0, query: { exists: 'value' } } }, 'select is not supported in search queries'],
    [{ regexp: { _id: 'd' } }, 'regexp on _id is not supported in search queries'],
    [{ regexp: { a: 'a^b' } }, 'regexp: ^ and $ are supported in search queries only at the start and end of the expression'],
    [{ match: { l: [{ x: 1 }] } }, 'match: arrays of objects or arrays are not supported in search queries'],
    [{ match: { l: ['a', 'a'] } }, 'match: repeated array values are not supported in search queries'],
  ])('refuses what it cannot translate exactly: %j', (filter, reason) => {
    expect(() => toSearchQuery(filter, 'document.watch')).toThrow(`Invalid request: document.watch: ${reason}`);
  });
});
