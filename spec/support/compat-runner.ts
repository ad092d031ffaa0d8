import { Kuzzle as SdkKuzzle } from 'kuzzle-sdk';
import type { Kuzzle } from '../../src/client/kuzzle';
import type { FetchLike } from '../../src/http/fetch';
import type { CatalogueRow, ResultFor } from './catalogue/row';
import { clientHarness, observe } from './client-harness';
import { FakeWebSocket } from './fake-web-socket';

/** What a call did: the request frames it sent (requestId and volatile left out) and what it produced. */
export interface CallRecord {
  readonly frames: Array<Record<string, unknown>>;
  readonly values: unknown[];
  readonly error: unknown;
  readonly completed: boolean;
}

const resultFor = (row: CatalogueRow): ResultFor => (typeof row.result === 'function' ? (row.result as ResultFor) : () => row.result);

/**
 * Fields that always differ between the two clients: the request id, the client's volatile data, and kuzzle-sdk's
 * `verb`, an HTTP hint it leaves in WebSocket frames.
 */
const ALWAYS_DIFFERS: ReadonlySet<string> = new Set(['requestId', 'volatile', 'verb']);

/**
 * A frame without what always differs between two clients. A top-level `null` is left out like `undefined`: the
 * server reads both as an absent argument (kuzzle-sdk sends `_id: null` where kuzzle-rx sends nothing).
 */
export function comparable(frame: Record<string, unknown>, alsoDiffers: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(frame)) {
    if (ALWAYS_DIFFERS.has(key) || alsoDiffers.includes(key)) continue;
    if (value !== undefined && value !== null) out[key] = value;
  }
  return out;
}

/** A value as plain JSON data: class instances become plain objects, functions and undefined fields go. */
export const plain = (value: unknown): unknown => (value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown));

const clone = <T>(value: T): T => structuredCloneArgs(value);

function structuredCloneArgs<T>(value: T): T {
  // Arguments may hold functions (none today): keep them, copy the data so that neither client sees the other's edits.
  if (typeof value === 'function' || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(structuredCloneArgs) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCloneArgs(v)])) as T;
}

type Method = (...args: unknown[]) => unknown;

function method(target: unknown, controller: string, name: string): Method {
  const ctrl = (target as Record<string, Record<string, unknown>>)[controller];
  const fn = ctrl?.[name];
  if (typeof fn !== 'function') throw new Error(`${controller}.${name} does not exist`);
  return (fn as Method).bind(ctrl);
}

/** Runs a row on kuzzle-sdk 7, on a fake protocol that answers every request with the row's result. */
export async function runSdk(row: CatalogueRow): Promise<CallRecord> {
  const frames: Array<Record<string, unknown>> = [];
  const answer = resultFor(row);
  const protocol = {
    id: 'sdk-instance',
    connected: true,
    addListener: () => undefined,
    removeListener: () => undefined,
    on: () => undefined,
    once: () => undefined,
    emit: () => undefined,
    isReady: () => true,
    query: (request: Record<string, unknown>) => {
      frames.push(JSON.parse(JSON.stringify(request)) as Record<string, unknown>);
      return Promise.resolve({
        result: answer(request),
        status: 200,
        error: null,
        requestId: request['requestId'],
        room: request['requestId'],
      });
    },
  };
  const sdk = new SdkKuzzle(protocol as never);
  try {
    const value = await method(sdk, row.controller, row.method)(...clone(row.args));
    return { frames: frames.map((f) => comparable(f)), values: [value], error: undefined, completed: true };
  } catch (error: unknown) {
    return { frames: frames.map((f) => comparable(f)), values: [], error, completed: false };
  }
}

/** Runs a row on kuzzle-rx, on a fake socket whose server answers every request with the row's result. */
export function runRx(row: CatalogueRow, build: (kuzzle: Kuzzle) => unknown = (kuzzle) => kuzzle): CallRecord {
  const answer = resultFor(row);
  // Actions sent over HTTP are recorded as `{ http: 'GET /path?query' }` and answered with the row's result.
  const httpCalls: Array<Record<string, unknown>> = [];
  const fetch: FetchLike = (url, init) => {
    const { pathname, search } = new URL(url);
    httpCalls.push({ http: `${init.method} ${pathname}${search}` });
    const body = answer({ http: url });
    return Promise.resolve({
      status: 200,
      headers: { get: () => null },
      text: () => Promise.resolve(typeof body === 'string' ? body : JSON.stringify(body)),
    });
  };
  const { kuzzle, connect } = clientHarness({ kuzzle: { fetch } });
  const socket = connect();
  FakeWebSocket.onSend = (s, text) => {
    const frame = JSON.parse(text) as Record<string, unknown>;
    if (typeof frame['controller'] === 'string') s.respond(frame, answer(frame));
  };
  const call = method(build(kuzzle), row.controller, row.method)(...clone(row.args));
  if (typeof (call as { subscribe?: unknown }).subscribe !== 'function')
    throw new Error(`${row.controller}.${row.method} did not return an Observable`);
  const observed = observe(call as Parameters<typeof observe>[0]);
  const record = {
    frames: [...socket.requests.map((f) => comparable(f)), ...httpCalls],
    values: observed.values,
    error: observed.error,
    completed: observed.completed,
  };
  observed.unsubscribe();
  kuzzle.disconnect();
  return record;
}

/** The public methods of an object's class (and its parents up to, not including, `stopAt`). */
export function publicMethods(instance: object, stopAt: object = Object.prototype): string[] {
  const names = new Set<string>();
  for (
    let proto = Object.getPrototypeOf(instance) as object | null;
    proto && proto !== stopAt;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (name !== 'constructor' && !name.startsWith('_') && typeof descriptor?.value === 'function') names.add(name);
    }
  }
  return [...names].sort();
}
