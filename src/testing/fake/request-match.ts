import type { SentFrame } from './response-frames';
import { deepEqual, show } from './json';

/**
 * The fields a request must have: `controller`, `action` and any argument at top level (`index`, `_id`, `body`,
 * `refresh`, ...), each equal (deeply, for objects) to the request's. Fields left out may have any value: the client
 * adds `requestId` and `volatile` to every request.
 */
export interface RequestPattern {
  readonly controller?: string;
  readonly action?: string;
  readonly [argument: string]: unknown;
}

/**
 * Which requests an expectation is about: a pattern (`{ controller: 'document', action: 'get', _id: 'o1' }`), the
 * action's name (`'document:get'`), or a predicate over the request as it was sent.
 */
export type RequestMatch = string | RequestPattern | ((request: SentFrame) => boolean);

/** Fields every request carries, left out of messages unless a pattern names them. */
const NOISE: ReadonlySet<string> = new Set(['controller', 'action', 'requestId', 'volatile', 'jwt']);

/** Whether `request` is one of those `match` describes. */
export function matchesRequest(request: SentFrame, match: RequestMatch): boolean {
  if (typeof match === 'function') return match(request);
  if (typeof match === 'string') return `${String(request['controller'])}:${String(request['action'])}` === match;
  return Object.keys(match).every((key) => match[key] === undefined || deepEqual(request[key], match[key]));
}

function arguments_(fields: Readonly<Record<string, unknown>>, keep: (key: string) => boolean): string {
  const rest = Object.fromEntries(Object.entries(fields).filter(([key, value]) => keep(key) && value !== undefined));
  return Object.keys(rest).length === 0 ? '' : ` ${show(rest)}`;
}

/** `document:get {"_id":"o1"}`: the action of a pattern, then its other fields. */
export function describeMatch(match: RequestMatch): string {
  if (typeof match === 'string') return match;
  if (typeof match === 'function') return `a request matching ${match.name || 'a predicate'}`;
  const action = `${match.controller ?? '*'}:${match.action ?? '*'}`;
  return `${action}${arguments_(match, (key) => key !== 'controller' && key !== 'action')}`;
}

/** `document:get {"index":"shop","collection":"orders","_id":"o2"}`: a request as it was sent, its ids left out. */
export function describeRequest(request: SentFrame): string {
  return `${String(request['controller'])}:${String(request['action'])}${arguments_(request, (key) => !NOISE.has(key))}`;
}
