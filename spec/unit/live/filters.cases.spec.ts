import { Koncorde } from 'koncorde';
import { compileFilter, toSearchQuery } from '../../../src/live/filters';
import { nameAndMessage } from '../../support/client-harness';
import { Random } from '../../support/live-filters-corpus';

// Koncorde's semantics case by case: each row is checked on the client's evaluator AND on the koncorde package.

type Doc = Record<string, unknown>;

function refusal(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return nameAndMessage(error);
  }
  return 'accepted';
}
type Row = [title: string, filter: Record<string, unknown>, document: Doc, matches: boolean];

function koncordeMatches(filter: Record<string, unknown>, document: Doc, id = 'd1'): boolean {
  const engine = new Koncorde();
  const filterId = engine.register(filter);
  return engine.test({ ...document, _id: id }).includes(filterId);
}

const K = '\u212a'; // KELVIN SIGN, folds onto k

const rows: Row[] = [
  ['{} matches everything', {}, {}, true],
  ['equals compares the value itself', { equals: { n: 5 } }, { n: 5 }, true],
  ['equals never converts types', { equals: { n: '5' } }, { n: 5 }, false],
  ['equals does not look into arrays', { equals: { tags: 'a' } }, { tags: ['a'] }, false],
  ['equals null matches a stored null', { equals: { a: null } }, { a: null }, true],
  ['equals null does not match a missing field', { equals: { a: null } }, {}, false],
  ['a negated equals matches a missing field', { not: { equals: { a: 1 } } }, {}, true],
  ['nested fields by dotted path', { equals: { 'meta.kind': 'x' } }, { meta: { kind: 'x' } }, true],
  ['no path into arrays of objects', { exists: 'list.x' }, { list: [{ x: 1 }] }, false],
  ['exists is true for null', { exists: 'a' }, { a: null }, true],
  ['exists is true for an empty object', { exists: 'a' }, { a: {} }, true],
  ['exists with \\[ in a field name', { exists: 'a\\[1]' }, { 'a[1]': 0 }, true],
  ['exists, the older object syntax', { exists: { field: 'meta.kind' } }, { meta: { kind: 0 } }, true],
  ['exists field[value]: the array holds it', { exists: 'tags["a"]' }, { tags: ['b', 'a'] }, true],
  ['exists field[value]: a scalar is not an array', { exists: 'tags["a"]' }, { tags: 'a' }, false],
  ['exists field[value] never converts types', { exists: 'n[5]' }, { n: ['5'] }, false],
  ['missing field[value] on a scalar', { missing: 'tags["a"]' }, { tags: 'a' }, true],
  ['in: any of the values', { in: { a: ['x', 'y'] } }, { a: 'y' }, true],
  ['ids tests the document id', { ids: { values: ['d1'] } }, {}, true],
  ['equals on _id too', { equals: { _id: 'd2' } }, {}, false],
  ['range gt excludes the bound', { range: { n: { gt: 5 } } }, { n: 5 }, false],
  ['range tests numbers only', { range: { n: { gte: 5 } } }, { n: '6' }, false],
  ['range: above 2^20 the moved bound of gt includes it', { range: { n: { gt: 1e7 } } }, { n: 1e7 }, true],
  ['a negated range matches another type', { not: { range: { n: { gt: 5 } } } }, { n: 'x' }, true],
  ['range gt 5 does not match 5 + 5e-11, nor does its negation (1)', { range: { n: { gt: 5 } } }, { n: 5.00000000005 }, false],
  ['range gt 5 does not match 5 + 5e-11, nor does its negation (2)', { not: { range: { n: { gt: 5 } } } }, { n: 5.00000000005 }, false],
  ['regexp searches anywhere in the text', { regexp: { a: 'b+' } }, { a: 'abbc' }, true],
  ['regexp tests strings only', { regexp: { a: '5' } }, { a: 5 }, false],
  ['a negated regexp tests other values as text', { not: { regexp: { a: '5' } } }, { a: 5 }, false],
  ['a negated regexp matches a missing field', { not: { regexp: { a: '5' } } }, {}, true],
  ['regexp i folds k onto the kelvin sign', { regexp: { a: { value: '^k$', flags: 'i' } } }, { a: K }, true],
  ['regexp: . does not match \\n', { regexp: { a: 'a.b' } }, { a: 'a\nb' }, false],
  ['regexp: . matches \\r', { regexp: { a: 'a.b' } }, { a: 'a\rb' }, true],
  ['regexp s: . matches \\n', { regexp: { a: { value: 'a.b', flags: 's' } } }, { a: 'a\nb' }, true],
  ['regexp m: lines end at \\n only', { regexp: { a: { value: '^b$', flags: 'm' } } }, { a: 'a\rb\rc' }, false],
  ['regexp m: lines', { regexp: { a: { value: '^b$', flags: 'm' } } }, { a: 'a\nb\nc' }, true],
  ['regexp: $ is the end of the text, not before a final \\n', { regexp: { a: 'a$' } }, { a: 'a\n' }, false],
  ['regexp: \\s is ASCII and has no \\v', { regexp: { a: '\\s' } }, { a: '\v' }, false],
  ['regexp: . is a code point', { regexp: { a: '^.$' } }, { a: '😀' }, true],
  ['match: the listed fields of an object', { match: { meta: { kind: 'x' } } }, { meta: { kind: 'x', level: 1 } }, true],
  ['match: types are strict', { match: { n: '5' } }, { n: 5 }, false],
  ['match: an array holds each listed item, counted', { match: { tags: ['a', 'a'] } }, { tags: ['a', 'b'] }, false],
  ['match: array items are taken greedily', { match: { l: [{ x: 1 }, { x: 1, y: 2 }] } }, { l: [{ x: 1, y: 2 }, { x: 1 }] }, false],
  ['match: dotted keys are paths', { match: { 'meta.kind': 'x' } }, { meta: { kind: 'x' } }, true],
  [
    'select: an array item by index from the end',
    { select: { field: 'l', index: -1, query: { equals: { value: 2 } } } },
    { l: [1, 2] },
    true,
  ],
  ['select: out of the array', { select: { field: 'l', index: 2, query: { exists: 'value' } } }, { l: [1, 2] }, false],
  [
    'bool: must accepts one filter, should_not negates the and',
    { bool: { must: { exists: 'a' }, should_not: [{ exists: 'a' }, { exists: 'b' }] } },
    { a: 1 },
    true,
  ],
  ['nothing', { nothing: {} }, { a: 1 }, false],
];

describe('compileFilter, case by case', () => {
  it.each(rows)('%s', (_, filter, document, matches) => {
    expect(compileFilter(filter)(document, 'd1')).toBe(matches);
    expect(koncordeMatches(filter, document)).toBe(matches);
  });

  // Koncorde drops from its normal form the conjunctions it believes impossible; these are possible.
  it.each<Row>([
    ['exists a with a negated exists a[v]', { and: [{ exists: 'a' }, { not: { exists: 'a["x"]' } }] }, { a: ['y'] }, true],
    ['equals a: 1 after a negated equals a: "1"', { and: [{ not: { equals: { a: '1' } } }, { equals: { a: 1 } }] }, { a: 1 }, true],
  ])('deliberately differs from koncorde: %s', (_, filter, document, matches) => {
    expect(compileFilter(filter)(document, 'd1')).toBe(matches);
    expect(koncordeMatches(filter, document)).toBe(!matches);
  });
});

describe('compileFilter refusals', () => {
  it.each<[Record<string, unknown>, string]>([
    [{ equals: { a: [1] } }, '"equals.a": must either be a string, a number, a boolean, or null'],
    [{ equals: { a: 1 }, exists: 'a' }, 'Invalid filter syntax. Filters must have one keyword only'],
    [{ foo: {} }, '"foo": unknown keyword'],
    [{ and: [] }, '"and": cannot be empty'],
    [{ in: { a: [1] } }, '"in.a": must hold only values of type "string"'],
    [{ range: { n: { gt: 5, lt: 5 } } }, '"range.n": lower boundary must be strictly inferior to the upper one'],
    [{ range: { n: { gt: '1' } } }, '"range.n.gt": must be a number'],
    [{ bool: { filter: [] } }, '"bool": "filter" is not an allowed attribute (allowed: must,must_not,should,should_not)'],
    [{ exists: 'a[x]' }, '"exists": contains an invalid array value ("x")'],
    [{ regexp: { a: '(' } }, '"regexp.a": cannot parse regexp expression "/(/" (missing ))'],
    [{ regexp: { a: 'a{1001}' } }, '"regexp.a": cannot parse regexp expression "/a{1001}/" (invalid repetition size: {1001})'],
    [
      { regexp: { a: { value: 'a', flags: 'g' } } },
      '"regexp.a": cannot parse regexp expression "/a/g" (flag "g" is not supported in live queries)',
    ],
    [{ regexp: { a: '\\bword' } }, '"regexp.a": cannot parse regexp expression "/\\bword/" (word boundaries are not supported)'],
    [
      { regexp: { a: { value: 'é', flags: 'i' } } },
      '"regexp.a": cannot parse regexp expression "/é/i" (case-insensitive matching of non-ASCII letters is not supported)',
    ],
    [{ geoDistance: { point: { lat: 0, lon: 0 }, distance: '1km' } }, 'geoDistance is not supported in live queries'],
    [{ not: { nothing: {} } }, 'nothing cannot be negated'],
    [{ not: { select: { field: 'l', index: 0, query: { exists: 'value' } } } }, 'select cannot be negated'],
  ])('refuses %j', (filter, reason) => {
    expect(refusal(() => compileFilter(filter, 'document.watch'))).toEqual({
      name: 'InvalidRequestError',
      message: `Invalid request: document.watch: ${reason}`,
    });
    expect(refusal(() => toSearchQuery(filter, 'document.watch'))).toMatchObject({ name: 'InvalidRequestError' });
  });
});

describe('compileFilter and toSearchQuery on garbage', () => {
  const KEYS = [
    'and',
    'or',
    'not',
    'bool',
    'must',
    'should',
    'must_not',
    'equals',
    'in',
    'ids',
    'values',
    'exists',
    'field',
    'missing',
    'range',
    'gt',
    'lt',
    'regexp',
    'value',
    'flags',
    'match',
    'select',
    'index',
    'query',
    'nothing',
    'a',
    'b.c',
    '_id',
    '__proto__',
  ];
  const random = new Random(99);
  const garbage = (depth: number): unknown => {
    const roll = random.int(depth > 0 ? 8 : 5);
    if (roll === 0) return null;
    if (roll === 1) return random.pick([0, 1.5, -2, Infinity]);
    if (roll === 2) return random.pick(['', 'a', '(', 'a[1]', '[', 'x]']);
    if (roll === 3) return random.chance(0.5);
    if (roll === 4) return {};
    if (roll === 5) return Array.from({ length: random.int(3) }, () => garbage(depth - 1));
    return Object.fromEntries(Array.from({ length: 1 + random.int(2) }, () => [random.pick(KEYS), garbage(depth - 1)]));
  };

  it('never throws anything but an InvalidRequestError', () => {
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      const filter = garbage(4) as Record<string, unknown>;
      for (const call of [() => compileFilter(filter)({ a: 1, b: { c: [1] } }, 'd1'), () => toSearchQuery(filter)]) {
        const outcome = refusal(call);
        if (outcome !== 'accepted') {
          expect(outcome).toMatchObject({ name: 'InvalidRequestError' });
          refused++;
        }
      }
    }
    expect(refused).toBeGreaterThan(2000);
  });
});
