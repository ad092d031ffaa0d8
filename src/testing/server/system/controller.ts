import { cpus, freemem, totalmem } from 'node:os';
import type { ControllerActions, RequestContext } from '../context';
import type { JsonObject } from '../json';

/** The version this server imitates, reported by `server:info`. */
export const KUZZLE_VERSION = '2.56.0';

function info(ctx: RequestContext, api: JsonObject): JsonObject {
  return {
    serverInfo: {
      kuzzle: {
        api: { routes: api },
        application: { name: 'kuzzle-rx-embedded', version: '1.0.0', commit: null, controllers: {}, pipes: [], hooks: [] },
        memoryUsed: process.memoryUsage().rss,
        nodeVersion: process.version,
        plugins: {},
        system: { cpus: cpus().length, memory: { free: freemem(), total: totalmem() } },
        uptime: `${(Date.now() - ctx.kernel.startedAt) / 1000}s`,
        version: KUZZLE_VERSION,
      },
      services: {},
    },
  };
}

/**
 * The `server` controller. `describeApi` is injected because the API listing needs every
 * controller, this one included.
 */
export function createServerActions(describeApi: () => JsonObject): ControllerActions {
  return {
    now: () => ({ now: Date.now() }),
    info: (ctx) => info(ctx, describeApi()),
    publicApi: () => describeApi(),
    adminExists: () => ({ exists: false }),
    healthCheck: () => ({
      services: { internalCache: 'green', memoryStorage: 'green', storageEngine: 'green' },
      status: 'green',
    }),
  };
}
