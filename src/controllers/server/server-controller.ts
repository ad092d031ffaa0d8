import { defer, map, type Observable } from 'rxjs';
import { ArgumentCheck, type JsonObject } from '../arguments';
import { BaseController, type CallOptions, type QuerySender } from '../base-controller';
import type { HealthCheckOptions, OpenApiOptions } from './options';
import type { HealthCheckResult, PublicApi, ServerCapabilities, ServerInfo, ServerMetrics, StatsFrame, StatsResult } from './types';

/** A point in time for the statistics getters: epoch milliseconds, or a date the server parses (`'2026-12-01'`). */
export type StatsTime = number | string;

/** The server controller: the node's clock, configuration, health, load, statistics and API. */
export class ServerController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'server');
  }

  /** Emits the server's clock, in epoch milliseconds (the `now` of its `{ now }` result). */
  now(options?: CallOptions): Observable<number> {
    return this.call<{ now: number }>('now', options).pipe(map((result) => result.now));
  }

  /** Emits the server's information: `{ serverInfo: { kuzzle, services } }` (versions, API, plugins, services). */
  info(options?: CallOptions): Observable<ServerInfo> {
    return this.call('info', options);
  }

  /** Emits whether an administrator exists (anonymous keeps every right until one does). */
  adminExists(options?: CallOptions): Observable<boolean> {
    return this.call<{ exists: boolean }>('adminExists', options).pipe(map((result) => result.exists));
  }

  /** Emits the server's version, limits, services, plugins and public API. */
  capabilities(options?: CallOptions): Observable<ServerCapabilities> {
    return this.call('capabilities', options);
  }

  /** Emits the server's configuration (without its security section). */
  getConfig(options?: CallOptions): Observable<JsonObject> {
    return this.call('getConfig', options);
  }

  /** Emits the statistics frames between two times (both optional); errors with `services.stats.not_available` when statistics are off. */
  getStats(startTime?: StatsTime, stopTime?: StatsTime, options?: CallOptions): Observable<StatsResult> {
    return this.call('getStats', options, (check) => ({
      startTime: check.optional(startTime, (value) => check.scalar('startTime', value)),
      stopTime: check.optional(stopTime, (value) => check.scalar('stopTime', value)),
    }));
  }

  /** Emits the last statistics frame; errors with `services.stats.not_available` when statistics are off. */
  getLastStats(options?: CallOptions): Observable<StatsFrame> {
    return this.call('getLastStats', options);
  }

  /** Emits every statistics frame kept; errors with `services.stats.not_available` when statistics are off. */
  getAllStats(options?: CallOptions): Observable<StatsResult> {
    return this.call('getAllStats', options);
  }

  /**
   * Emits the status of the server's services (`{ status: 'green', services: { ... } }`); errors with
   * `core.fatal.service_unavailable` (503) when one of them is down.
   */
  healthCheck(options?: HealthCheckOptions): Observable<HealthCheckResult> {
    const { services, ...rest } = options ?? {};
    return this.call('healthCheck', rest, (check) => ({
      services: check.optional<readonly string[]>(services, (list) => check.strings('services', list))?.join(','),
    }));
  }

  /** Emits the node's load: requests in progress, connections by protocol, realtime rooms and subscriptions. */
  metrics(options?: CallOptions): Observable<ServerMetrics> {
    return this.call('metrics', options);
  }

  /** Emits every action of the API (plugins' included), with its HTTP routes. */
  publicApi(options?: CallOptions): Observable<PublicApi> {
    return this.call('publicApi', options);
  }

  /**
   * Emits the API's OpenAPI definition: an object, or YAML text with `format: 'yaml'`. Sent over HTTP (with the
   * session's token, or the browser's cookie), as the server answers this action over a WebSocket with a bare
   * document no client can match to its request.
   */
  openapi(options: OpenApiOptions & { readonly format: 'yaml' }): Observable<string>;
  openapi(options?: OpenApiOptions & { readonly format?: 'json' }): Observable<JsonObject>;
  openapi(options?: OpenApiOptions): Observable<JsonObject | string> {
    return defer(() => {
      const check = new ArgumentCheck(`${this.name}.openapi`);
      const { format = 'json', scope = 'kuzzle', ...rest } = check.optionalObject('options', options) ?? {};
      if (format !== 'json' && format !== 'yaml') check.fail('format', "'json' or 'yaml'", format);
      if (scope !== 'kuzzle' && scope !== 'app') check.fail('scope', "'kuzzle' or 'app'", scope);
      return this.call<JsonObject | string>('openapi', rest, () => ({ format, scope }));
    });
  }
}
