import type { Observable } from 'rxjs';
import * as z from 'zod/mini';
import type { FetchLike } from '../http/fetch';
import { milliseconds, countOrInfinity } from '../options/schemas';
import { validateOptions } from '../options/validate';
import { randomId } from './ids';
import type { Volatile } from './request';

/** Options of `new Kuzzle(protocol, options)`. */
export interface KuzzleOptions {
  /**
   * Cookie authentication: login, logout and refreshToken go over HTTP (only an HTTP response can set the cookie) and
   * the socket reopens so the server reads the new cookie at the handshake. The token is never exposed.
   * @default false
   */
  cookieAuth?: boolean;
  /**
   * Milliseconds a request may take, from subscription to response, waiting in the offline queue and re-sending
   * included, before it fails with `RequestTimeoutError`; 0 disables.
   * @default 30000
   */
  requestTimeout?: number;
  /** How many requests may wait for a connection. @default 500 */
  queueMaxSize?: number;
  /**
   * How long a request may wait for a connection (ms) before it is dropped with `RequestDroppedError`; 0 means as long
   * as the reconnection lasts. Matters for calls whose `timeout` is longer (or 0).
   * @default 120000
   */
  queueMaxAge?: number;
  /** Volatile data sent with every request. @default {} */
  volatile?: Volatile;
  /**
   * Logs in again when the token expired (an Observable that completes once logged in, typically
   * `kuzzle.auth.login(...)`). With it, subscriptions survive token expiry; without it, they error with
   * `TokenExpiredError`.
   * @default undefined
   */
  authenticator?: () => Observable<unknown>;
  /** `fetch` for the HTTP calls of cookie authentication (node-fetch 2 fits). @default globalThis.fetch */
  fetch?: FetchLike;
  /** Generates request ids. @default crypto.randomUUID (a random id where it is not available) */
  requestIdGenerator?: () => string;
}

export type ResolvedKuzzleOptions = Readonly<Required<Omit<KuzzleOptions, 'authenticator' | 'fetch'>>> & {
  readonly authenticator: (() => Observable<unknown>) | undefined;
  readonly fetch: FetchLike | undefined;
};

export const DEFAULT_KUZZLE_OPTIONS: ResolvedKuzzleOptions = Object.freeze({
  cookieAuth: false,
  requestTimeout: 30_000,
  queueMaxSize: 500,
  queueMaxAge: 120_000,
  volatile: Object.freeze({}) as Volatile,
  authenticator: undefined,
  fetch: undefined,
  requestIdGenerator: () => randomId(),
});

const fn = () => z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'must be a function');

const schema = z.strictObject({
  cookieAuth: z.optional(z.boolean()),
  requestTimeout: z.optional(milliseconds()),
  queueMaxSize: z.optional(countOrInfinity()),
  queueMaxAge: z.optional(milliseconds()),
  volatile: z.optional(z.record(z.string(), z.unknown())),
  authenticator: z.optional(fn()),
  fetch: z.optional(fn()),
  requestIdGenerator: z.optional(fn()),
});

export function resolveKuzzleOptions(options: KuzzleOptions | undefined): ResolvedKuzzleOptions {
  const given = validateOptions(schema, options, 'Kuzzle');
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  return Object.freeze({ ...DEFAULT_KUZZLE_OPTIONS, ...defined }) as ResolvedKuzzleOptions;
}

const requestOptionsSchema = z.strictObject({
  timeout: z.optional(milliseconds()),
  volatile: z.optional(z.record(z.string(), z.unknown())),
  queuable: z.optional(z.boolean()),
  resendAfterReconnect: z.optional(z.boolean()),
});

export function validateRequestOptions<T extends object>(options: T): T {
  // Most calls pass no options: skip the schema on that hot path.
  if (Object.keys(options).length > 0) validateOptions(requestOptionsSchema, options, 'RequestOptions');
  return options;
}
