import type { ReconnectionPolicy } from './reconnection';
import { asyncScheduler, isObservable, type Observable, type SchedulerLike } from 'rxjs';
import * as z from 'zod/mini';
import { atLeast, atMost, countOrInfinity, milliseconds, moreThan, textWhere, whole } from '../options/schemas';
import { validateOptions } from '../options/validate';
import { InvalidOptionError } from '../vocabulary/errors/client-errors';
import { pingsPerWindow, RATE_WINDOW } from './pacing';

/** The part of the WebSocket interface the client uses: browsers' WebSocket and the `ws` package both fit. */
export interface WebSocketLike {
  readonly readyState: number;
  close(code?: number, reason?: string): void;
  send(data: string): void;
  /** `ws` only: destroys the TCP connection at once (used on a dead link, where a closing handshake cannot finish). */
  terminate?(): void;
}

/** A WebSocket constructor: the global one in browsers, `ws` in Node, or a test double. */
export type WebSocketCtor = new (url: string, protocols?: string | string[]) => WebSocket;

/** Options of `new WebSocketProtocol(host, options)`. */
export interface WebSocketProtocolOptions {
  /** Server port. @default 7512 */
  port?: number;
  /** Use `wss://` and `https://`. @default false */
  ssl?: boolean;
  /** URL path of the endpoint. @default '/' */
  path?: string;
  /** Send `{"p":1}` this often while connected (ms); 0 disables the keep-alive. @default 2000 */
  pingInterval?: number;
  /**
   * How long a `{"p":1}` may wait for a sign of life (ms) before the link is declared dead: its `{"p":2}`, or any
   * other frame (a server over its rate limit answers a ping with an error frame; the link is alive all the same). A
   * dead link is thus reported within `pingInterval + pongTimeout` of going silent.
   * @default 2000
   */
  pongTimeout?: number;
  /** How long an opening handshake may take (ms) before the attempt counts as failed; 0 waits forever. @default 10000 */
  connectTimeout?: number;
  /** Reconnect after an unexpected loss, and retry a failed first connection. @default true */
  autoReconnect?: boolean;
  /** Upper bound of the first reconnection delay (ms); later ones double, with full jitter. @default 1000 */
  reconnectionDelay?: number;
  /** Cap of the reconnection delay (ms). @default 30000 */
  maxReconnectionDelay?: number;
  /** Consecutive failed attempts before giving up; the count resets after a successful connection. @default Infinity */
  maxReconnectionAttempts?: number;
  /**
   * Largest frame accepted from the server, in bytes, with the default constructor in Node (`ws`): a larger one
   * closes the socket (1009) instead of being buffered, so a hostile or broken server cannot make the client allocate
   * without bound. Browsers apply their own limit. Raise it for search results larger than this.
   * @default 104857600 (100 MiB)
   */
  maxPayload?: number;
  /**
   * Frames per second the client never exceeds on a socket, pings included: set it to the server's
   * `server.protocols.websocket.rateLimit` (0 there too means no limit). The server answers a frame over its limit
   * with an error that names no request, so the request would wait for its timeout: the client delays its frames
   * instead (in order; counted over any 1.1 s, a margin for the server's clock), keeping room for the keep-alive's
   * pings. A request's `timeout` counts its wait here too: a burst far over the limit times out what it cannot send
   * in time. 0 sends at once.
   * @default 0
   */
  rateLimit?: number;
  /** Headers of the WebSocket handshake (Node only: browsers cannot set them). @default {} */
  headers?: Record<string, string>;
  /**
   * WebSocket constructor. Default: the `ws` package in Node (so `headers` work on every Node version), the global
   * `WebSocket` elsewhere.
   * @default undefined (resolved as above)
   */
  WebSocketCtor?: WebSocketCtor;
  /** Scheduler for every timer (keep-alive, reconnection delays). @default asyncScheduler */
  scheduler?: SchedulerLike;
  /** Random source in [0, 1) for the reconnection jitter. @default Math.random */
  random?: () => number;
  /**
   * Decides what happens after each unexpected loss: `(loss, attempt) => decision | ObservableInput`. Return
   * `{ kind: 'wait', attempt, delay }` or `{ kind: 'give-up', error }`, or an Observable (or Promise): the next
   * attempt starts when it first emits. `attempt` counts from 1 since the link last proved alive. When set,
   * `autoReconnect`, `reconnectionDelay`, `maxReconnectionDelay` and `maxReconnectionAttempts` are not read.
   * @default undefined: exponential backoff with full jitter, capped (`decideReconnect` over the options above)
   * @example Reconnect only when the browser says it is online
   * ```ts
   * reconnectionPolicy: (loss, attempt) =>
   *   navigator.onLine ? { kind: 'wait', attempt, delay: 500 } : fromEvent(window, 'online')
   * ```
   */
  reconnectionPolicy?: ReconnectionPolicy;
  /**
   * The device's network: `false` when it goes offline (the socket is dropped at once, as a lost link, rather than
   * left to the keep-alive), `true` when it is back (a reconnection waiting for its delay starts at once).
   * @default undefined: the browser's `offline` and `online` events (nothing in Node)
   */
  networkStatus$?: Observable<boolean>;
}

export type ResolvedProtocolOptions = Readonly<
  Required<Omit<WebSocketProtocolOptions, 'WebSocketCtor' | 'reconnectionPolicy' | 'networkStatus$'>>
> & {
  readonly networkStatus$: Observable<boolean> | undefined;
  readonly WebSocketCtor: WebSocketCtor | undefined;
  readonly reconnectionPolicy: ReconnectionPolicy | undefined;
};

export const DEFAULT_PROTOCOL_OPTIONS: ResolvedProtocolOptions = Object.freeze({
  port: 7512,
  ssl: false,
  path: '/',
  pingInterval: 2000,
  pongTimeout: 2000,
  connectTimeout: 10_000,
  autoReconnect: true,
  reconnectionDelay: 1000,
  maxReconnectionDelay: 30_000,
  maxReconnectionAttempts: Infinity,
  maxPayload: 104_857_600,
  rateLimit: 0,
  headers: Object.freeze({}) as Record<string, string>,
  WebSocketCtor: undefined,
  reconnectionPolicy: undefined,
  networkStatus$: undefined,
  scheduler: asyncScheduler,
  random: Math.random,
});

const schema = z.strictObject({
  port: z.optional(z.number().check(whole(), atLeast(1), atMost(65535))),
  ssl: z.optional(z.boolean()),
  path: z.optional(textWhere((path) => path.startsWith('/'), 'must start with "/"')),
  pingInterval: z.optional(milliseconds()),
  pongTimeout: z.optional(milliseconds().check(moreThan(0))),
  connectTimeout: z.optional(milliseconds()),
  autoReconnect: z.optional(z.boolean()),
  reconnectionDelay: z.optional(milliseconds()),
  maxReconnectionDelay: z.optional(milliseconds()),
  maxReconnectionAttempts: z.optional(countOrInfinity()),
  maxPayload: z.optional(z.number().check(whole(), atLeast(1))),
  rateLimit: z.optional(z.number().check(whole(), atLeast(0))),
  headers: z.optional(z.record(z.string(), z.string())),
  WebSocketCtor: z.optional(z.custom<WebSocketCtor>((v) => typeof v === 'function', 'must be a constructor')),
  scheduler: z.optional(z.custom<SchedulerLike>((v) => typeof v === 'object' && v !== null && 'schedule' in v)),
  random: z.optional(z.custom<() => number>((v) => typeof v === 'function')),
  reconnectionPolicy: z.optional(z.custom<ReconnectionPolicy>((v) => typeof v === 'function', 'must be a function')),
  networkStatus$: z.optional(z.custom<Observable<boolean>>(isObservable, 'must be an Observable')),
});

const hostSchema = textWhere((host) => host !== '', 'must not be empty');

export function resolveProtocolOptions(
  host: unknown,
  options: WebSocketProtocolOptions | undefined,
): {
  host: string;
  options: ResolvedProtocolOptions;
} {
  const validHost = validateOptions(hostSchema, host, 'WebSocketProtocol.host');
  const given = validateOptions(schema, options, 'WebSocketProtocol');
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  const resolved: ResolvedProtocolOptions = Object.freeze({ ...DEFAULT_PROTOCOL_OPTIONS, ...defined });
  const pings = pingsPerWindow(resolved.pingInterval);
  if (resolved.rateLimit > 0 && resolved.rateLimit <= pings) {
    throw new InvalidOptionError(
      'WebSocketProtocol.rateLimit',
      `${resolved.rateLimit} leaves no room for requests beside the keep-alive's ${pings} ping(s) per ${RATE_WINDOW} ms (pingInterval ${resolved.pingInterval}): raise it above ${pings}, or pingInterval`,
    );
  }
  return { host: validHost, options: resolved };
}
