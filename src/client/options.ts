import type { Observable } from 'rxjs';
import * as z from 'zod/mini';
import type { FetchLike } from '../http/fetch';
import type { LinkMiddleware } from '../links/link';
import { DEFAULT_MAX_REQUEST_SIZE, DEFAULT_MAX_RESENDS } from '../links/request-limits';
import { milliseconds, countOrInfinity, wholeOrInfinity } from '../options/schemas';
import { validateOptions } from '../options/validate';
import { randomId } from '../vocabulary/ids';
import type { KuzzleRequest, RequestOptions, Volatile } from '../vocabulary/request';
import { InvalidOptionError } from '../vocabulary/errors/client-errors';

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
  /**
   * Which requests may wait in the offline queue, for a connection or while `startQueuing()` holds them. Called once
   * for each queuable request that would wait (never for one that goes out at once), with the request as it will be
   * sent (without the session's token). A request it refuses fails at once with `RequestDroppedError` (reason `'filtered'`) and a
   * `dropped` event; an exception it throws fails the request with that exception. The authenticator's login during a
   * reconnection and the restoration of subscriptions never wait, hence never meet it.
   * @default every queuable request waits
   */
  queueFilter?: (request: KuzzleRequest) => boolean;
  /**
   * Largest request the client sends, in bytes of its serialised frame (UTF-8, token included). A larger one fails with
   * `RequestTooLargeError` before anything is sent: a Kuzzle server drops the whole connection (close 1006, no close
   * frame, no error response) on a frame over its own limit, which would otherwise look like a lost link. Set it to the
   * server's `server.maxRequestSize` (its `.kuzzlerc`, or the `kuzzle_server__maxRequestSize` environment variable;
   * `"1MB"` there is 1048576 bytes). `server:info` does not tell it; `server:getConfig` does, as
   * `result.server.maxRequestSize`, to users allowed to call it. 0 or `Infinity` disables the check.
   * @default 1048576 (1 MiB, the server's default `server.maxRequestSize: "1MB"`)
   */
  maxRequestSize?: number;
  /**
   * How many times a request is re-sent after the link dropped before its response (read-only ones, and those with
   * `resendAfterReconnect`). A request in flight at `maxResends + 1` consecutive losses fails with
   * `RequestUnsafeToResendError` instead: it may be what drops the link, and sending it again would make the link flap
   * (every loss also drops the other requests in flight and costs a restoration of every subscription). One re-send
   * recovers from a chance loss, a second from a loss during the reconnection; a third loss under the same request is
   * taken as its doing. 0 never re-sends; `Infinity` re-sends for as long as the link comes back.
   * @default 2
   */
  maxResends?: number;
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
  /**
   * Links of your own in front of the client's (WebSocket, HTTP, cookie renewal), the first one outermost: each sees
   * every request (without the session's token) and forwards it, or answers it itself (see `LinkMiddleware`).
   * @default []
   */
  links?: readonly LinkMiddleware[];
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
  queueFilter: () => true,
  maxRequestSize: DEFAULT_MAX_REQUEST_SIZE,
  maxResends: DEFAULT_MAX_RESENDS,
  volatile: Object.freeze({}) as Volatile,
  authenticator: undefined,
  fetch: undefined,
  requestIdGenerator: () => randomId(),
  links: Object.freeze([]) as readonly LinkMiddleware[],
});

const fn = () => z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'must be a function');

const schema = z.strictObject({
  cookieAuth: z.optional(z.boolean()),
  requestTimeout: z.optional(milliseconds()),
  queueMaxSize: z.optional(countOrInfinity()),
  queueMaxAge: z.optional(milliseconds()),
  queueFilter: z.optional(fn()),
  maxRequestSize: z.optional(wholeOrInfinity()),
  maxResends: z.optional(wholeOrInfinity()),
  volatile: z.optional(z.record(z.string(), z.unknown())),
  authenticator: z.optional(fn()),
  fetch: z.optional(fn()),
  requestIdGenerator: z.optional(fn()),
  links: z.optional(z.array(fn())),
});

export function resolveKuzzleOptions(options: KuzzleOptions | undefined): ResolvedKuzzleOptions {
  const given = validateOptions(schema, options, 'Kuzzle');
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  return Object.freeze({ ...DEFAULT_KUZZLE_OPTIONS, ...defined }) as ResolvedKuzzleOptions;
}

const CLIENT_OPTION_KEYS: ReadonlySet<string> = new Set(['timeout', 'volatile', 'queuable', 'resendAfterReconnect', 'maxResends']);

const CLIENT_OPTION_CASE: ReadonlyMap<string, string> = new Map([...CLIENT_OPTION_KEYS].map((key) => [key.toLowerCase(), key]));

const requestOptionsSchema = z.object({
  // -1 is the official SDK's "no timeout", kept so that calls move over unchanged.
  timeout: z.optional(z.number().check(z.refine((v) => v === -1 || (v >= 0 && Number.isFinite(v)), 'must be a finite number >= 0, or -1'))),
  volatile: z.optional(z.record(z.string(), z.unknown())),
  queuable: z.optional(z.boolean()),
  resendAfterReconnect: z.optional(z.boolean()),
  maxResends: z.optional(wholeOrInfinity()),
});

/** A call's options, split: the client's own, and the API arguments that go into the request. */
export interface SplitOptions {
  readonly client: RequestOptions;
  readonly args: Readonly<Record<string, unknown>>;
}

const NO_ARGS: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * Validates the client's options of a call (`timeout`, `volatile`, `queuable`, `resendAfterReconnect`) and sets the
 * others apart: they are the action's API arguments (`refresh`, `from`, ...). `timeout: -1` means no timeout.
 */
export function splitRequestOptions(options: object): SplitOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidOptionError('RequestOptions', 'must be an object');
  }
  const keys = Object.keys(options);
  // Most calls pass no options: skip the schema on that hot path.
  if (keys.length === 0) return { client: options, args: NO_ARGS };
  const client = validateOptions(requestOptionsSchema, options, 'RequestOptions') as RequestOptions;
  const args: Record<string, unknown> = {};
  for (const key of keys) {
    const value = (options as Record<string, unknown>)[key];
    if (CLIENT_OPTION_KEYS.has(key) || value === undefined) continue;
    // A client option with the wrong case is a typo, not an API argument the server would silently ignore.
    const meant = CLIENT_OPTION_CASE.get(key.toLowerCase());
    if (meant) throw new InvalidOptionError(`RequestOptions.${key}`, `unknown option, did you mean "${meant}"?`);
    args[key] = value;
  }
  return { client: client.timeout === -1 ? { ...client, timeout: 0 } : client, args };
}
