import { asyncScheduler, type SchedulerLike } from 'rxjs';
import * as z from 'zod/mini';
import { validateOptions } from '../../options/validate';
import type { RefusalMode } from './refusal';

/** Where a fault proxy forwards to. */
export interface FaultProxyTarget {
  /** Host of the server, e.g. `'127.0.0.1'`. */
  readonly host: string;
  /** Port of the server (WebSocket and HTTP). */
  readonly port: number;
}

/** Options of {@link startFaultProxy}. */
export interface FaultProxyOptions {
  /** The server every connection is forwarded to: an `EmbeddedKuzzleServer`, or a real Kuzzle. Required. */
  readonly target: FaultProxyTarget;
  /**
   * Port to listen on; 0 picks a free one (read it back from `proxy.port`).
   * @default 0
   */
  readonly port?: number;
  /**
   * Interface to listen on.
   * @default '127.0.0.1'
   */
  readonly host?: string;
  /**
   * How connections are turned away while refusing, unless `refuse()` says otherwise: `'reset'` (TCP RST at once) or
   * `'close'` (accepted, then closed at once).
   * @default 'reset'
   */
  readonly refusal?: RefusalMode;
  /**
   * Scheduler of every timer: latencies and `refuse(ms)`.
   * @default asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
}

export type ResolvedFaultProxyOptions = Readonly<Required<FaultProxyOptions>>;

export const DEFAULT_FAULT_PROXY_OPTIONS: Readonly<Required<Omit<FaultProxyOptions, 'target'>>> = Object.freeze({
  port: 0,
  host: '127.0.0.1',
  refusal: 'reset',
  scheduler: asyncScheduler,
});

const port = () => z.int().check(z.gte(0), z.lte(65535));

const schema = z.strictObject({
  target: z.strictObject({ host: z.string().check(z.minLength(1)), port: port().check(z.gte(1)) }),
  port: z.optional(port()),
  host: z.optional(z.string().check(z.minLength(1))),
  refusal: z.optional(z.enum(['reset', 'close'])),
  scheduler: z.optional(z.custom<SchedulerLike>((v) => typeof v === 'object' && v !== null && 'schedule' in v)),
});

/** Validates once; throws an `InvalidOptionError` naming the bad field (e.g. `startFaultProxy.target.port`). */
export function resolveFaultProxyOptions(options: unknown): ResolvedFaultProxyOptions {
  const given = validateOptions(schema, options, 'startFaultProxy');
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  return Object.freeze({ ...DEFAULT_FAULT_PROXY_OPTIONS, ...defined, target: Object.freeze({ ...given.target }) });
}
