import { defer, map, type Observable } from 'rxjs';
import { ArgumentCheck, type JsonObject } from '../arguments';
import { BaseController, type CallOptions, type QuerySender } from '../base-controller';
import type { HealthCheckOptions, OpenApiOptions } from './options';
import type { HealthCheckResult, PublicApi, ServerCapabilities, ServerInfo, ServerMetrics, StatsFrame, StatsResult } from './types';

/** A point in time for the statistics getters: epoch milliseconds, or a date the server parses (`'2026-12-01'`). */
export type StatsTime = number | string;

/**
 * The server controller: the node's clock, configuration, health, load, statistics and API. Each method emits once,
 * then completes; besides the errors its `@throws` tags name, it can error with those of every request (see
 * `BaseController`).
 *
 * @example Is the server up, and who runs it?
 * ```ts
 * forkJoin({ health: kuzzle.server.healthCheck(), info: kuzzle.server.info() }).subscribe(({ health, info }) =>
 *   console.log(health.status, info.serverInfo.kuzzle.version),
 * );
 * ```
 */
export class ServerController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'server');
  }

  /**
   * Emits the server's clock, in epoch milliseconds (the `now` of its `{ now }` result), once, then completes.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `server:now`; the action has no
   * error of its own.
   *
   * @example How far ahead of this machine's clock the server's is
   * ```ts
   * const skew$ = defer(() => {
   *   const sent = Date.now();
   *   return kuzzle.server.now().pipe(map((now) => now - (sent + Date.now()) / 2));
   * });
   * skew$.subscribe((skew) => console.log(`the server's clock is ${Math.round(skew)} ms ahead`));
   * ```
   */
  now(options?: CallOptions): Observable<number> {
    return this.call<{ now: number }>('now', options).pipe(map((result) => result.now));
  }

  /**
   * Emits the server's information once, then completes: `{ serverInfo: { kuzzle, services } }` (versions, API,
   * plugins, services).
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `server:info`; the action has no
   * error of its own.
   */
  info(options?: CallOptions): Observable<ServerInfo> {
    return this.call('info', options);
  }

  /**
   * Emits whether an administrator exists (anonymous keeps every right until one does) once, then completes.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `server:adminExists`; the action
   * has no error of its own.
   */
  adminExists(options?: CallOptions): Observable<boolean> {
    return this.call<{ exists: boolean }>('adminExists', options).pipe(map((result) => result.exists));
  }

  /**
   * Emits the server's version, limits, services, plugins and public API once, then completes.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `server:capabilities`; the action
   * has no error of its own.
   */
  capabilities(options?: CallOptions): Observable<ServerCapabilities> {
    return this.call('capabilities', options);
  }

  /**
   * Emits the server's configuration (without its security section) once, then completes.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `server:getConfig`; the action
   * has no error of its own.
   */
  getConfig(options?: CallOptions): Observable<JsonObject> {
    return this.call('getConfig', options);
  }

  /**
   * Emits the statistics frames between two times (both optional) once, then completes.
   *
   * @throws {InvalidRequestError} when `startTime` or `stopTime` is given and is neither a string nor a finite number.
   * @throws {KuzzleError} `core.fatal.unexpected_error` (500) with `props: ['services.stats.not_available']` when
   * statistics are off (the server's `stats.enabled`): Kuzzle 2.56 raises an error id it does not define, which reaches
   * the client wrapped so.
   */
  getStats(startTime?: StatsTime, stopTime?: StatsTime, options?: CallOptions): Observable<StatsResult> {
    return this.call('getStats', options, (check) => ({
      startTime: check.optional(startTime, (value) => check.scalar('startTime', value)),
      stopTime: check.optional(stopTime, (value) => check.scalar('stopTime', value)),
    }));
  }

  /**
   * Emits the last statistics frame once, then completes.
   *
   * @throws {KuzzleError} `core.fatal.unexpected_error` (500) with `props: ['services.stats.not_available']` when
   * statistics are off (see `getStats`).
   */
  getLastStats(options?: CallOptions): Observable<StatsFrame> {
    return this.call('getLastStats', options);
  }

  /**
   * Emits every statistics frame kept once, then completes.
   *
   * @throws {KuzzleError} `core.fatal.unexpected_error` (500) with `props: ['services.stats.not_available']` when
   * statistics are off (see `getStats`).
   */
  getAllStats(options?: CallOptions): Observable<StatsResult> {
    return this.call('getAllStats', options);
  }

  /**
   * Emits the status of the server's services (`{ status: 'green', services: { ... } }`) once, then completes.
   *
   * @throws {InvalidRequestError} when `services` is given and is not an array of non-empty strings.
   * @throws {KuzzleError} `core.fatal.service_unavailable` (500) when one of the services checked is down
   * (`internalCache`, `memoryStorage`, `storageEngine`).
   */
  healthCheck(options?: HealthCheckOptions): Observable<HealthCheckResult> {
    const { services, ...rest } = options ?? {};
    return this.call('healthCheck', rest, (check) => ({
      services: check.optional<readonly string[]>(services, (list) => check.strings('services', list))?.join(','),
    }));
  }

  /**
   * Emits the node's load once, then completes: requests in progress, connections by protocol, realtime rooms and
   * subscriptions.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `server:metrics`; the action has
   * no error of its own.
   */
  metrics(options?: CallOptions): Observable<ServerMetrics> {
    return this.call('metrics', options);
  }

  /**
   * Emits every action of the API (plugins' included), with its HTTP routes, once, then completes.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `server:publicApi`; the action
   * has no error of its own.
   */
  publicApi(options?: CallOptions): Observable<PublicApi> {
    return this.call('publicApi', options);
  }

  /**
   * Emits the API's OpenAPI definition as YAML text once, then completes. Sent over HTTP (with the session's token, or
   * the browser's cookie), as the server answers this action over a WebSocket with a bare document no client can match
   * to its request.
   *
   * @throws {InvalidRequestError} when `options` is not an object, or `scope` neither `'kuzzle'` nor `'app'`.
   * @throws {HttpTransportError} when the HTTP call fails before a Kuzzle response is read (the server is unreachable
   * over HTTP, a proxy answered, ...).
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `server:openapi`.
   */
  openapi(options: OpenApiOptions & { readonly format: 'yaml' }): Observable<string>;
  /**
   * Emits the API's OpenAPI definition as an object once, then completes. Sent over HTTP (with the session's token, or
   * the browser's cookie), as the server answers this action over a WebSocket with a bare document no client can match
   * to its request.
   *
   * @throws {InvalidRequestError} when `options` is not an object, `format` neither `'json'` nor `'yaml'`, or `scope`
   * neither `'kuzzle'` nor `'app'`.
   * @throws {HttpTransportError} when the HTTP call fails before a Kuzzle response is read.
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `server:openapi`.
   */
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
