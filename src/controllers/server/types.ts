import type { JsonObject } from '../arguments';

/** The status of a service, or of the whole server, in `server.healthCheck()`. */
export type HealthStatus = 'green' | 'red';

/** The services `server.healthCheck()` can check. */
export type HealthService = 'internalCache' | 'memoryStorage' | 'storageEngine';

/** What `server.healthCheck()` emits: `red` when any checked service is down. */
export interface HealthCheckResult {
  readonly status: HealthStatus;
  readonly services: Readonly<Partial<Record<HealthService, HealthStatus>>>;
}

/** What `server.metrics()` emits: the node's load at the moment. */
export interface ServerMetrics {
  readonly api: { readonly concurrentRequests: number; readonly pendingRequests: number };
  readonly network: { readonly connections: Readonly<Record<string, number>> };
  readonly realtime: { readonly rooms: number; readonly subscriptions: number };
  readonly [field: string]: unknown;
}

/** One statistics frame: requests and connections by protocol, counted over one interval. */
export interface StatsFrame {
  readonly timestamp: number;
  readonly completedRequests: Readonly<Record<string, number>>;
  readonly connections: Readonly<Record<string, number>>;
  readonly failedRequests: Readonly<Record<string, number>>;
  readonly ongoingRequests: Readonly<Record<string, number>>;
}

/** What the statistics getters emit (`getStats`, `getAllStats`; `getLastStats` emits one frame). */
export interface StatsResult {
  readonly hits: readonly StatsFrame[];
  readonly total: number;
}

/** An action of the API as `server.publicApi()` lists it, with its HTTP routes. */
export interface ApiAction {
  readonly controller: string;
  readonly action: string;
  readonly http?: ReadonlyArray<{ readonly verb: string; readonly path: string; readonly url: string }>;
}

/** What `server.publicApi()` emits: every action, by controller then action name. */
export type PublicApi = Readonly<Record<string, Readonly<Record<string, ApiAction>>>>;

/** What `server.capabilities()` emits: version, limits, services, plugins and the public API. */
export interface ServerCapabilities {
  readonly version: string;
  readonly limits: Readonly<Record<string, number>>;
  readonly plugins: Readonly<Record<string, { readonly version?: string }>>;
  readonly services: Readonly<Record<string, { readonly backend: string; readonly version: string }>>;
  readonly routes: PublicApi;
  readonly [field: string]: unknown;
}

/** What `server.info()` emits: `serverInfo.kuzzle` (versions, API, plugins, system) and `serverInfo.services`. */
export interface ServerInfo {
  readonly serverInfo: {
    readonly kuzzle: { readonly version: string; readonly nodeVersion: string; readonly [field: string]: unknown };
    readonly services: JsonObject;
    readonly [field: string]: unknown;
  };
}
