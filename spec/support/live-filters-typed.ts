import {
  type CorpusDocument,
  type Filter,
  type Json,
  type JsonDoc,
  NUMBERS,
  pattern,
  Random,
  RX_ATOMS,
  STRINGS,
} from './live-filters-corpus';

/**
 * Documents and filters that follow the contract of `toSearchQuery`: one type per field as mapped below, no null,
 * `[]` or `{}` stored, value operators on scalar fields only, `field[value]` and arrays in `match` on array fields.
 */
export const MAPPINGS = {
  dynamic: 'strict',
  properties: {
    name: { type: 'keyword' },
    label: { type: 'keyword' },
    age: { type: 'double' },
    active: { type: 'boolean' },
    tags: { type: 'keyword' },
    scores: { type: 'double' },
    meta: { properties: { kind: { type: 'keyword' }, level: { type: 'double' } } },
  },
} as const;

// The storage stand-in of the test server runs regexps as JavaScript RegExps without the u flag, where . skips line
// terminators and an astral character is two: the strings of this corpus have neither.
const TEXTS = STRINGS.filter((s) => !/[\n\r\u2028\u2029]|[\u{10000}-\u{10ffff}]/u.test(s));
const TEXT_ATOMS = RX_ATOMS.filter((atom) => atom !== '😀');

const STRING_FIELDS = ['name', 'label', 'meta.kind'];
const NUMBER_FIELDS = ['age', 'meta.level'];

export function typedDocuments(r: Random, count: number): CorpusDocument[] {
  return Array.from({ length: count }, (_, i) => {
    const source: JsonDoc = {};
    const maybe = (key: string, value: () => Json) => {
      if (r.chance(0.8)) source[key] = value();
    };
    maybe('name', () => r.pick(TEXTS));
    maybe('label', () => r.pick(TEXTS));
    maybe('age', () => r.pick(NUMBERS));
    maybe('active', () => r.chance(0.5));
    maybe('tags', () => r.some(TEXTS, 1, 3));
    maybe('scores', () => r.some(NUMBERS, 1, 3));
    if (r.chance(0.7)) {
      const meta: JsonDoc = {};
      if (r.chance(0.7)) meta['kind'] = r.pick(TEXTS);
      if (r.chance(0.7) || !meta['kind']) meta['level'] = r.pick(NUMBERS);
      source['meta'] = meta;
    }
    return { id: `doc${i}`, source };
  });
}

function typedLeaf(r: Random, ids: readonly string[]): Filter {
  const text = () => r.pick(TEXTS);
  const number = () => r.pick(NUMBERS);
  const any = <T>(...choices: Array<() => T>): T => r.pick(choices)();
  return any<Filter>(
    () => ({ equals: { [r.pick(STRING_FIELDS)]: text() } }),
    () => ({ equals: { [r.pick(NUMBER_FIELDS)]: number() } }),
    () => ({ equals: { active: r.chance(0.5) } }),
    () => ({ equals: { _id: r.pick(ids) } }),
    () => ({ in: { [r.pick(STRING_FIELDS)]: r.some(TEXTS, 1, 3) } }),
    () => ({ ids: { values: r.some(ids, 1, 3) } }),
    () => ({
      [r.pick(['exists', 'missing'])]: r.pick([...STRING_FIELDS, ...NUMBER_FIELDS, 'active', 'tags', 'scores', 'meta', '_id', 'zz']),
    }),
    () => ({ [r.pick(['exists', 'missing'])]: r.chance(0.5) ? `tags[${JSON.stringify(text())}]` : `scores[${number()}]` }),
    () => {
      const [low, high] = [number(), number()].sort((x, y) => x - y);
      const bounds: Record<string, number> = {};
      if (r.chance(0.7)) bounds[r.pick(['gt', 'gte'])] = low!;
      if (r.chance(0.7) || Object.keys(bounds).length === 0) bounds[r.pick(['lt', 'lte'])] = high!;
      return { range: { [r.pick(NUMBER_FIELDS)]: bounds } };
    },
    () => ({
      regexp: { [r.pick(STRING_FIELDS)]: { value: pattern(r, 2, true, TEXT_ATOMS, 0), flags: r.pick(['', 'i', 'm', 's', 'is']) } },
    }),
    () => ({ match: { [r.pick(STRING_FIELDS)]: text() } }),
    () => ({ match: { meta: r.pick<Json>([{}, { kind: text() }, { level: number() }, { kind: text(), level: number() }]) } }),
    () => ({ match: { tags: [...new Set(r.some(TEXTS, 0, 2))] } }),
    () => ({ match: { age: number(), active: r.chance(0.5) } }),
    () => ({ nothing: {} }),
  );
}

export function typedFilter(r: Random, depth: number, ids: readonly string[], budget = { leaves: 8 }): Filter {
  if (depth <= 0 || budget.leaves < 2 || r.chance(0.3)) {
    budget.leaves--;
    return typedLeaf(r, ids);
  }
  const children = (n: number) => Array.from({ length: n }, () => typedFilter(r, depth - 1, ids, budget));
  switch (r.int(4)) {
    case 0:
      return { and: children(1 + r.int(3)) };
    case 1:
      return { or: children(1 + r.int(3)) };
    case 2:
      return { not: typedFilter(r, depth - 1, ids, budget) };
    default:
      return { bool: { must: children(1), [r.pick(['must_not', 'should', 'should_not'])]: children(1 + r.int(2)) } };
  }
}
