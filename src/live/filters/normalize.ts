import { FilterError, isPlainObject, type FilterNode, type Leaf, type Scalar } from './ast';
import { array, fail, fieldSyntax, integer, object, pathAdd, string } from './checks';
import { parseRegex } from './regexp/parse';

const GEO = ['geoBoundingBox', 'geoDistance', 'geoDistanceRange', 'geoPolygon'];
const BOUNDS = ['gt', 'gte', 'lt', 'lte'];
const BOOL = ['must', 'must_not', 'should', 'should_not'];

/**
 * Validates a Koncorde filter as Koncorde does (same refusals, same messages) and rewrites it into a `FilterNode`.
 * `{}`, `null` and `undefined` match everything. Geo keywords are refused: they are not evaluated in the client.
 */
export function normalize(filters: unknown): FilterNode {
  if (Object.keys(filters ?? {}).length === 0) return { op: 'everything' };
  const node = standardize(filters, '');
  forbidNegated(node);
  return node;
}

function standardize(filter: unknown, path: string): FilterNode {
  const keywords = Object.keys(filter as object);
  if (keywords.length !== 1) fail(path, 'Invalid filter syntax. Filters must have one keyword only');
  const keyword = keywords[0]!;
  const here = pathAdd(path, keyword);
  const value = (filter as Record<string, unknown>)[keyword];
  const single = () => {
    const body = object(value, here, { properties: 1 });
    const field = Object.keys(body)[0]!;
    return { field, arg: body[field], at: pathAdd(here, field) };
  };
  switch (keyword) {
    case 'and':
    case 'or':
      return combine(keyword, array(value, here), here);
    case 'not':
      return negate(standardize(object(value, here, { properties: 1 }), here));
    case 'bool':
      return standardize({ and: boolClauses(object(value, here, { allowed: BOOL, nonEmpty: true })) }, here);
    case 'equals': {
      const { field, arg, at } = single();
      if (!['string', 'number', 'boolean'].includes(typeof arg) && arg !== null) {
        fail(at, 'must either be a string, a number, a boolean, or null');
      }
      return { op: 'equals', not: false, field, value: arg as Scalar };
    }
    case 'in': {
      const { field, arg, at } = single();
      return any(array(arg, at, true).map((v) => ({ op: 'equals', not: false, field, value: v as string })));
    }
    case 'ids': {
      const values = array(object(value, here, { properties: 1, required: ['values'] })['values'], pathAdd(here, 'values'), true);
      return any(values.map((v) => ({ op: 'equals', not: false, field: '_id', value: v as string })));
    }
    case 'exists':
    case 'missing': {
      const leaf: Leaf = { op: 'exists', not: false, ...existsField(value, here) };
      return keyword === 'exists' ? leaf : negate(leaf);
    }
    case 'range':
      return { op: 'range', not: false, ...range(single()) };
    case 'regexp':
      return { op: 'regexp', not: false, ...regexp(single()) };
    case 'match':
      return { op: 'match', not: false, value: object(value, here, { nonEmpty: true }) };
    case 'select': {
      const body = object(value, here, { properties: 3 });
      const field = string(body['field'], pathAdd(here, 'field'));
      const index = integer(body['index'], pathAdd(here, 'index'));
      const query = standardize(object(body['query'], pathAdd(here, 'query'), { nonEmpty: true }), pathAdd(here, 'query'));
      return { op: 'select', not: false, field, index, query };
    }
    case 'nothing':
      return { op: 'nothing', not: false };
    default:
      if (GEO.includes(keyword)) throw new FilterError(`${keyword} is not supported in live queries`);
      return fail(here, 'unknown keyword');
  }
}

function combine(op: 'and' | 'or', items: unknown[], path: string): FilterNode {
  if (!items.every((item) => isPlainObject(item) && Object.keys(item).length > 0)) fail(path, 'can only contain non-empty objects');
  const of = items.flatMap((item) => {
    const node = standardize(item, path);
    return node.op === op ? node.of : [node];
  });
  return of.length === 1 ? of[0]! : { op, of };
}

const any = (of: FilterNode[]): FilterNode => (of.length === 1 ? of[0]! : { op: 'or', of });

function boolClauses(bool: Record<string, unknown>): unknown[] {
  const clauses: unknown[] = [];
  if (bool['must']) clauses.push(...([] as unknown[]).concat(bool['must']));
  if (bool['must_not']) clauses.push({ not: { or: bool['must_not'] } });
  if (bool['should']) clauses.push({ or: bool['should'] });
  if (bool['should_not']) clauses.push({ not: { and: bool['should_not'] } });
  return clauses;
}

/** Pushes a negation down to the leaves (De Morgan), as Koncorde does before evaluating. */
function negate(node: FilterNode): FilterNode {
  if (node.op === 'and' || node.op === 'or') return { op: node.op === 'and' ? 'or' : 'and', of: node.of.map(negate) };
  if (node.op === 'everything') return { op: 'nothing', not: false };
  const leaf = node as Leaf;
  return { ...leaf, not: !leaf.not };
}

function existsField(value: unknown, path: string) {
  if (typeof value === 'string') return fieldSyntax(value.length > 0 ? value : fail(path, 'cannot test empty field name'), path);
  const at = pathAdd(path, 'field');
  return fieldSyntax(string(object(value, path, { properties: 1, required: ['field'] })['field'], at), at);
}

function range({ field, arg, at }: { field: string; arg: unknown; at: string }) {
  const bounds = object(arg, at, { allowed: BOUNDS, nonEmpty: true }) as Record<string, number>;
  let low = -Infinity;
  let high = Infinity;
  for (const [key, bound] of Object.entries(bounds)) {
    if (typeof bound !== 'number') fail(pathAdd(at, key), 'must be a number');
    const upper = key === 'lt' || key === 'lte';
    if (upper ? high !== Infinity : low !== -Infinity) fail(at, `only 1 ${upper ? 'upper' : 'lower'} boundary allowed`);
    if (upper) high = bound;
    else low = bound;
  }
  if (high <= low) fail(at, 'lower boundary must be strictly inferior to the upper one');
  return { field, ...bounds };
}

function regexp({ field, arg, at }: { field: string; arg: unknown; at: string }) {
  let source = arg;
  let flags = '';
  if (isPlainObject(arg)) {
    const body = object(arg, at, { allowed: ['flags', 'value'], nonEmpty: true, required: ['value'] });
    source = body['value'];
    if (body['flags']) flags = string(body['flags'], pathAdd(at, 'flags'));
  } else if (typeof arg !== 'string') fail(at, 'must be either a string or a non-empty object');
  if (typeof source !== 'string') fail(at, 'cannot parse regexp expression (the value must be a string)');
  try {
    return { field, regex: parseRegex(source as string, flags) };
  } catch (error) {
    return fail(at, (error as Error).message);
  }
}

/** Koncorde cannot store a negated `nothing` or `select` (it throws a TypeError on subscription): refused here. */
function forbidNegated(node: FilterNode): void {
  if (node.op === 'and' || node.op === 'or') node.of.forEach(forbidNegated);
  else if ((node.op === 'nothing' || node.op === 'select') && node.not) throw new FilterError(`${node.op} cannot be negated`);
  else if (node.op === 'select') forbidNegated(node.query);
}
