import { kerror } from '../errors';
import { isJsonObject, readPath, type JsonObject, type JsonValue } from '../json';
import type { StoredDocument } from './store';

function fieldValues(document: StoredDocument, field: string): JsonValue[] {
  const value = field === '_id' ? document._id : readPath(document._source, field);
  if (value === undefined || value === null) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

/** A clause's single `field: spec`, where spec is either the value or `{ [valueKey]: value, ...params }`. */
function fieldClause(clause: JsonValue | undefined, valueKey: string): { field: string; value: JsonValue | undefined; params: JsonObject } {
  const entries = isJsonObject(clause) ? Object.entries(clause).filter(([key]) => key !== 'boost' && key !== '_name') : [];
  const [field, spec] = entries[0] ?? ['', undefined];
  return isJsonObject(spec) ? { field, value: spec[valueKey], params: spec } : { field, value: spec, params: {} };
}

const tokenize = (value: JsonValue | undefined): string[] =>
  String(value ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((token) => token.length > 0);

function compare(a: JsonValue, b: JsonValue | undefined): number {
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b;
  }
  return String(a).localeCompare(String(b));
}

function inRange(value: JsonValue, bounds: JsonObject): boolean {
  const checks: Array<[string, (order: number) => boolean]> = [
    ['gt', (order) => order > 0],
    ['gte', (order) => order >= 0],
    ['lt', (order) => order < 0],
    ['lte', (order) => order <= 0],
  ];
  return checks.every(([key, accept]) => bounds[key] === undefined || bounds[key] === null || accept(compare(value, bounds[key])));
}

function asList(value: JsonValue | undefined): JsonValue[] {
  if (value === undefined) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

/**
 * The Elasticsearch query subset this server understands: match_all, match_none, ids, term, terms,
 * match (any token, case-insensitive), match_phrase, range, exists, prefix and bool
 * (must/filter/should/must_not). Anything else fails like the real server does on a non-ES keyword.
 */
export function matches(query: JsonValue | undefined, document: StoredDocument): boolean {
  if (query === undefined || query === null || (isJsonObject(query) && Object.keys(query).length === 0)) {
    return true;
  }
  const [type, clause] = isJsonObject(query) ? (Object.entries(query)[0] ?? ['', undefined]) : ['', undefined];
  switch (type) {
    case 'match_all':
      return true;
    case 'match_none':
      return false;
    case 'ids':
      return isJsonObject(clause) && asList(clause['values']).map(String).includes(document._id);
    case 'term': {
      const { field, value } = fieldClause(clause, 'value');
      return fieldValues(document, field).some((candidate) => candidate === value);
    }
    case 'terms': {
      const { field, value } = fieldClause(clause, '');
      const accepted = asList(value);
      return fieldValues(document, field).some((candidate) => accepted.includes(candidate));
    }
    case 'match': {
      const { field, value } = fieldClause(clause, 'query');
      const wanted = tokenize(value);
      const present = new Set(fieldValues(document, field).flatMap(tokenize));
      return wanted.some((token) => present.has(token));
    }
    case 'match_phrase': {
      const { field, value } = fieldClause(clause, 'query');
      const needle = String(value).toLowerCase();
      return fieldValues(document, field).some((candidate) => String(candidate).toLowerCase().includes(needle));
    }
    case 'range': {
      const { field, params } = fieldClause(clause, 'gte');
      return fieldValues(document, field).some((candidate) => inRange(candidate, params));
    }
    case 'exists':
      return isJsonObject(clause) && fieldValues(document, String(clause['field'])).length > 0;
    case 'prefix': {
      const { field, value } = fieldClause(clause, 'value');
      return fieldValues(document, field).some((candidate) => String(candidate).startsWith(String(value)));
    }
    case 'bool':
      return isJsonObject(clause) && matchesBool(clause, document);
    default:
      throw kerror('services.storage.unknown_query_keyword', type);
  }
}

function matchesBool(clause: JsonObject, document: StoredDocument): boolean {
  const required = [...asList(clause['must']), ...asList(clause['filter'])];
  const should = asList(clause['should']);
  if (!required.every((sub) => matches(sub, document))) {
    return false;
  }
  if (asList(clause['must_not']).some((sub) => matches(sub, document))) {
    return false;
  }
  const minimum = typeof clause['minimum_should_match'] === 'number' ? clause['minimum_should_match'] : required.length > 0 ? 0 : 1;
  return should.length === 0 || should.filter((sub) => matches(sub, document)).length >= minimum;
}

/** Sorts by an ES `sort` clause (`'field'`, `{ field: 'desc' }`, `{ field: { order } }` or a list of them). */
export function sortDocuments(documents: StoredDocument[], sort: JsonValue | undefined): StoredDocument[] {
  const keys = asList(sort).flatMap((entry): Array<{ field: string; descending: boolean }> => {
    if (typeof entry === 'string') {
      return [{ field: entry, descending: false }];
    }
    if (!isJsonObject(entry)) {
      return [];
    }
    return Object.entries(entry).map(([field, order]) => {
      const direction = isJsonObject(order) ? order['order'] : order;
      return { field, descending: direction === 'desc' };
    });
  });
  return [...documents].sort((a, b) => {
    for (const { field, descending } of keys) {
      const [left] = fieldValues(a, field);
      const [right] = fieldValues(b, field);
      const order = left === undefined ? (right === undefined ? 0 : 1) : right === undefined ? -1 : compare(left, right);
      if (order !== 0) {
        return descending ? -order : order;
      }
    }
    return 0;
  });
}
