import type { JsonObject } from '../../controllers/arguments';
import { FilterError, isPlainObject, type FilterNode, type Leaf } from './ast';
import { inside, outside } from './range';
import { toLucene } from './regexp/lucene';

const ID = '_id';
const ALL: JsonObject = { match_all: {} };
const NONE: JsonObject = { match_none: {} };

const filter = (of: JsonObject[]): JsonObject => (of.length === 1 ? of[0]! : { bool: { filter: of } });
const should = (of: JsonObject[]): JsonObject => (of.length === 1 ? of[0]! : { bool: { should: of, minimum_should_match: 1 } });
const mustNot = (query: JsonObject): JsonObject => (query === ALL ? NONE : query === NONE ? ALL : { bool: { must_not: [query] } });
const exists = (field: string): JsonObject => (field === ID ? ALL : { exists: { field } });

/** Koncorde `equals`, as a term: no stored value is null (see `toSearchQuery`), and `_id` is always a string. */
function term(field: string, value: unknown): JsonObject {
  if (value === null || typeof value === 'object') return NONE;
  if (field === ID) return typeof value === 'string' ? { ids: { values: [value] } } : NONE;
  return { term: { [field]: value } };
}

/** Translates a normalized filter into an Elasticsearch query. */
export function translate(node: FilterNode): JsonObject {
  switch (node.op) {
    case 'everything':
      return ALL;
    case 'and':
      return filter(node.of.map(translate));
    case 'or':
      return should(node.of.map(translate));
    case 'range':
      return node.not ? notRange(node) : range(node);
    default:
      return node.not ? mustNot(leaf(node)) : leaf(node);
  }
}

function leaf(node: Exclude<Leaf, { op: 'range' }>): JsonObject {
  switch (node.op) {
    case 'nothing':
      return NONE;
    case 'equals':
      return term(node.field, node.value);
    case 'exists':
      // `field[value]`: "the array holds value"; `_id` is never an array
      return !node.array ? exists(node.field) : node.field === ID ? NONE : term(node.field, node.value);
    case 'regexp':
      if (node.field === ID) throw new FilterError('regexp on _id is not supported in search queries');
      return { regexp: { [node.field]: { value: toLucene(node.regex) } } };
    case 'match':
      return filter(Object.keys(node.value).map((key) => matchField(key, node.value[key])));
    case 'select':
      throw new FilterError('select is not supported in search queries');
  }
}

function range(node: Extract<FilterNode, { op: 'range' }>): JsonObject {
  if (node.field === ID) return NONE;
  const [low, high] = inside(node);
  return { range: { [node.field]: { ...(low === -Infinity ? {} : { gte: low }), ...(high === Infinity ? {} : { lte: high }) } } };
}

/** A negated range also matches a missing field (a field holding another type, in Koncorde). */
function notRange(node: Extract<FilterNode, { op: 'range' }>): JsonObject {
  if (node.field === ID) return ALL;
  const [below, above] = outside(node);
  const sides = [mustNot(exists(node.field))];
  if (below !== -Infinity) sides.push({ range: { [node.field]: { lte: below } } });
  if (above !== Infinity) sides.push({ range: { [node.field]: { gte: above } } });
  return should(sides);
}

/** One field of a `match`: a scalar is a term, an object its fields, an array "holds each of these values". */
function matchField(path: string, expected: unknown): JsonObject {
  if (path === ID || (!Array.isArray(expected) && !isPlainObject(expected))) return term(path, expected);
  const entries: Array<[string, unknown]> = Array.isArray(expected)
    ? expected.map((item) => [path, item])
    : Object.entries(expected).map(([key, item]) => [`${path}.${key}`, item]);
  if (Array.isArray(expected)) {
    if (expected.some((item) => typeof item === 'object' && item !== null)) {
      throw new FilterError('match: arrays of objects or arrays are not supported in search queries');
    }
    if (new Set(expected).size < expected.length) throw new FilterError('match: repeated array values are not supported in search queries');
  }
  // `[]` and `{}` only ask for an array or an object to be there
  return entries.length === 0 ? exists(path) : filter(entries.map(([field, item]) => matchField(field, item)));
}
