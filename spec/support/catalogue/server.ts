import type { CatalogueRow } from './row';

// Results as Kuzzle 2.56 answers them (trimmed: the real ones list every route, service and setting).
const routes = { server: { now: { action: 'now', controller: 'server', http: [{ path: '/_now', url: '/_now', verb: 'GET' }] } } };
const serverInfo = {
  kuzzle: {
    api: { routes },
    application: {},
    memoryUsed: 201_326_592,
    nodeVersion: 'v20.20.2',
    plugins: {},
    uptime: '120.5s',
    version: '2.56.0',
  },
  services: {
    internalCache: { type: 'redis', version: '7.0.15' },
    publicStorage: { type: 'elasticsearch', version: '7.17.0', status: 'green' },
  },
};
const frame = {
  completedRequests: { websocket: 12 },
  connections: { websocket: 2 },
  failedRequests: {},
  ongoingRequests: { websocket: 1 },
  timestamp: 1796143200000,
};
const health = { services: { internalCache: 'green', memoryStorage: 'green', storageEngine: 'green' }, status: 'green' };
const metrics = {
  api: { concurrentRequests: 1, pendingRequests: 0 },
  network: { connections: { websocket: 1 } },
  realtime: { rooms: 0, subscriptions: 0 },
};

/** The server controller's calls. */
export const serverRows: readonly CatalogueRow[] = [
  { controller: 'server', method: 'now', args: [], result: { now: 1796143200000 } },
  { controller: 'server', method: 'info', args: [], result: { serverInfo } },
  { controller: 'server', method: 'adminExists', args: [], result: { exists: false } },
  {
    controller: 'server',
    method: 'capabilities',
    args: [],
    result: {
      limits: { concurrentRequests: 100, loginsPerSecond: 1 },
      plugins: {},
      routes,
      services: { storageEngine: { backend: 'elasticsearch', version: '7.17.0' } },
      version: '2.56.0',
    },
  },
  {
    controller: 'server',
    method: 'getConfig',
    args: [],
    result: { realtime: { pcreSupport: false }, limits: { documentsFetchCount: 10000 }, version: '2.56.0' },
  },
  { controller: 'server', method: 'getStats', args: [1796143100000, 1796143300000], result: { hits: [frame], total: 1 } },
  {
    controller: 'server',
    method: 'getStats',
    args: ['2026-12-01T00:00:00Z', undefined, { timeout: 5000 }],
    result: { hits: [frame], total: 1 },
  },
  { controller: 'server', method: 'getLastStats', args: [], result: frame },
  { controller: 'server', method: 'getAllStats', args: [], result: { hits: [frame], total: 1 } },
  {
    controller: 'server',
    method: 'healthCheck',
    args: [],
    sdk: false,
    result: health,
    frames: [{ controller: 'server', action: 'healthCheck' }],
    emits: health,
  },
  {
    controller: 'server',
    method: 'healthCheck',
    args: [{ services: ['memoryStorage', 'internalCache'] }],
    sdk: false,
    result: { services: { internalCache: 'green', memoryStorage: 'green' }, status: 'green' },
    frames: [{ controller: 'server', action: 'healthCheck', services: 'memoryStorage,internalCache' }],
    emits: { services: { internalCache: 'green', memoryStorage: 'green' }, status: 'green' },
  },
  {
    controller: 'server',
    method: 'metrics',
    args: [],
    sdk: false,
    result: metrics,
    frames: [{ controller: 'server', action: 'metrics' }],
    emits: metrics,
  },
  {
    controller: 'server',
    method: 'publicApi',
    args: [],
    sdk: false,
    result: routes,
    frames: [{ controller: 'server', action: 'publicApi' }],
    emits: routes,
  },
  // Over HTTP (see ServerController.openapi): nothing goes on the WebSocket. `open`: the HTTP answer arrives after the
  // synchronous run of the row; spec/unit/controllers/server.spec.ts checks what it emits.
  {
    controller: 'server',
    method: 'openapi',
    args: [],
    sdk: false,
    open: true,
    result: { swagger: '2.0' },
    frames: [{ http: 'GET /_openapi?format=json&scope=kuzzle' }],
  },
  {
    controller: 'server',
    method: 'openapi',
    args: [{ format: 'yaml', scope: 'app' }],
    sdk: false,
    open: true,
    result: 'openapi: 3.1.0',
    frames: [{ http: 'GET /_openapi?format=yaml&scope=app' }],
  },
];
