/**
 * A seeded generator of Koncorde filters and documents, for comparing the client's filter evaluator with the
 * `koncorde` package (free-form documents: any field may hold any type) and its Elasticsearch translation with the
 * real server (typed documents, as the translation's contract asks).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonDoc = { [key: string]: Json };
export type Filter = Record<string, unknown>;

export interface CorpusDocument {
  readonly id: string;
  readonly source: JsonDoc;
}

/** mulberry32: a small, fast, seeded pseudo-random generator. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  some<T>(items: readonly T[], min: number, max: number): T[] {
    return Array.from({ length: min + this.int(max - min + 1) }, () => this.pick(items));
  }
}

// Strings that collide with each other under case folding, number-like text, line terminators, astral characters.
export const STRINGS = [
  '',
  'a',
  'b',
  'ab',
  'abc',
  'Abc',
  'ABC',
  'k',
  'K',
  '\u212a',
  's',
  'S',
  '\u017f',
  'hello world',
  'héllo',
  'HÉLLO',
  'x.y',
  '5',
  '10',
  '2.5',
  'null',
  'true',
  'a\nb',
  'b\na',
  'a\rb',
  'x😀y',
  'foo-bar',
  'a+b',
  '[x]',
  'tab\there',
  ' lead',
  'zz9',
  'd1',
];
// Numbers around the bounds Koncorde moves by 1e-10, and beyond 2^20 where that move is lost.
export const NUMBERS = [0, 1, 2, 3, 5, 10, -1, -3, 2.5, 0.1, 100, 5.00000000005, 4.99999999995, 1e7, 1048576, 2 ** 21 + 0.5];
const SCALAR_KINDS = ['string', 'number', 'boolean', 'null'] as const;

export function scalar(r: Random, kinds: readonly (typeof SCALAR_KINDS)[number][] = SCALAR_KINDS): Json {
  switch (r.pick(kinds)) {
    case 'string':
      return r.pick(STRINGS);
    case 'number':
      return r.pick(NUMBERS);
    case 'boolean':
      return r.chance(0.5);
    case 'null':
      return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// free-form corpus: documents and filters for the comparison with the koncorde package

const TOP = ['a', 'b', 'c', 'n', 'tags', 'meta'];
const SUB = ['kind', 'level', 'list', 'x'];
const FIELDS = ['a', 'b', 'c', 'n', 'tags', 'meta', 'meta.kind', 'meta.level', 'meta.list', 'meta.x', 'meta.x.y', '_id', 'zz'];
const SELECT_FIELDS = ['value', 'value.kind', 'value.x'];

function freeValue(r: Random, depth: number): Json {
  const roll = r.next();
  if (depth <= 0 || roll < 0.5) return scalar(r);
  if (roll < 0.75) return Array.from({ length: r.int(4) }, () => (r.chance(0.8) ? scalar(r) : freeValue(r, depth - 1)));
  const object: JsonDoc = {};
  for (const key of SUB) if (r.chance(0.5)) object[key] = freeValue(r, depth - 1);
  return object;
}

export function freeDocuments(r: Random, count: number): CorpusDocument[] {
  return Array.from({ length: count }, (_, i) => {
    const source: JsonDoc = {};
    for (const key of TOP) if (r.chance(0.75)) source[key] = freeValue(r, key === 'meta' || key === 'tags' ? 3 : 2);
    return { id: r.chance(0.1) ? r.pick(['d1', 'abc', 'K']) : `d${i}`, source };
  });
}

export const RX_ATOMS = [
  'a',
  'b',
  'c',
  'k',
  's',
  'A',
  'K',
  'S',
  '5',
  '1',
  'x',
  'y',
  'é',
  ' ',
  '-',
  '\\.',
  '\\+',
  '\\[',
  '\\n',
  '.',
  '\\d',
  '\\w',
  '\\s',
  '\\W',
  '\\S',
  '\\D',
  '[a-c]',
  '[^ab]',
  '[A-Z]',
  '[\\d.]',
  '[k-s]',
  '[^\\w]',
  '[-a]',
  '\\x41',
  '\\u00e9',
  '😀',
];
// accepted by RE2, refused by the client (not evaluated exactly): seldom drawn
const RX_REFUSED = ['\\b', '\\pL', '(?i)a', 'a{', '[[:alpha:]]', '[]a]'];
const RX_FLAGS = ['', '', 'i', 'm', 's', 'im', 'ims', 'u', 'g', 'x'];

export function pattern(r: Random, depth = 2, anchors = true, atoms = RX_ATOMS, refused = 0.03): string {
  const piece = (): string => {
    let atom = depth > 0 && r.chance(0.2) ? `(${r.chance(0.5) ? '?:' : ''}${pattern(r, depth - 1, false, atoms, refused)})` : r.pick(atoms);
    if (r.chance(0.3)) atom += r.pick(['*', '+', '?', '{1,2}', '{2}', '{0,}', '*?']);
    return atom;
  };
  const alternative = () => {
    let text = Array.from({ length: 1 + r.int(3) }, piece).join('');
    if (anchors && r.chance(0.3)) text = `^${text}`;
    if (anchors && r.chance(0.3)) text = `${text}$`;
    if (r.chance(refused)) text += r.pick(RX_REFUSED);
    return text;
  };
  return Array.from({ length: r.chance(0.2) ? 2 : 1 }, alternative).join('|');
}

export interface LeafOptions {
  readonly fields: readonly string[];
  readonly ids: readonly string[];
}

function freeLeaf(r: Random, o: LeafOptions): Filter {
  const field = r.pick(o.fields);
  const existsField = () => (r.chance(0.6) ? field : `${field}[${JSON.stringify(r.chance(0.9) ? scalar(r) : { kind: 'a' })}]`);
  switch (r.chance(0.02) ? -1 : r.int(12)) {
    case 0:
    case 1:
      return { equals: { [field]: scalar(r) } };
    case 2:
      return { in: { [field]: r.some(STRINGS, 1, 3) } };
    case 3:
      return { ids: { values: r.some(o.ids, 1, 3) } };
    case 4:
      return { exists: r.chance(0.9) ? existsField() : { field: existsField() } };
    case 5:
      return { missing: existsField() };
    case 6:
    case 7: {
      const [low, high] = [r.pick(NUMBERS), r.pick(NUMBERS)].sort((x, y) => (r.chance(0.9) ? x - y : y - x));
      const bounds: Record<string, number> = {};
      if (r.chance(0.7)) bounds[r.pick(['gt', 'gte'])] = low!;
      if (r.chance(0.7) || Object.keys(bounds).length === 0) bounds[r.pick(['lt', 'lte'])] = high!;
      return { range: { [field]: bounds } };
    }
    case 8:
    case 9: {
      const value = pattern(r);
      const flags = r.pick(RX_FLAGS);
      return { regexp: { [field]: flags === '' && r.chance(0.5) ? value : { value, ...(flags ? { flags } : {}) } } };
    }
    case 10:
      return { match: { [field]: freeValue(r, 2) } };
    case 11:
      return o.fields === SELECT_FIELDS || r.chance(0.5)
        ? { nothing: {} }
        : {
            select: {
              field: r.pick(['tags', 'a', 'meta.list']),
              index: r.int(5) - 2,
              query: freeFilter(r, 1, { fields: SELECT_FIELDS, ids: o.ids }),
            },
          };
    default:
      // a filter Koncorde refuses: both must refuse it
      return r.pick<Filter>([
        { equals: { a: [1] } },
        { range: { n: { gt: 'x' } } },
        { unknownKeyword: {} },
        { and: [] },
        { in: { a: [1] } },
        { range: { n: { gt: 5, lt: 5 } } },
        { regexp: { a: '(' } },
        { exists: '' },
        { equals: { a: 1 }, exists: 'b' },
        { bool: { filter: [] } },
      ]);
  }
}

/** A filter of nested `and`/`or`/`not`/`bool` up to `depth` levels, with at most 8 leaves. */
export function freeFilter(r: Random, depth: number, o: LeafOptions = { fields: FIELDS, ids: [] }, budget = { leaves: 8 }): Filter {
  if (depth <= 0 || budget.leaves < 2 || r.chance(0.25)) {
    budget.leaves--;
    return freeLeaf(r, o);
  }
  const children = (min: number, max: number) =>
    Array.from({ length: min + r.int(max - min + 1) }, () => freeFilter(r, depth - 1, o, budget));
  switch (r.int(4)) {
    case 0:
      return { and: children(1, 3) };
    case 1:
      return { or: children(1, 3) };
    case 2:
      return { not: freeFilter(r, depth - 1, o, budget) };
    default: {
      const bool: Record<string, unknown> = {};
      for (const clause of ['must', 'must_not', 'should', 'should_not']) {
        if (r.chance(0.45)) bool[clause] = clause === 'must' && r.chance(0.2) ? freeFilter(r, depth - 1, o, budget) : children(1, 2);
      }
      return { bool: Object.keys(bool).length > 0 ? bool : { must: children(1, 1) } };
    }
  }
}

export function freeFilters(r: Random, count: number, ids: readonly string[]): Filter[] {
  return Array.from({ length: count }, () => freeFilter(r, 1 + r.int(4), { fields: FIELDS, ids }));
}
