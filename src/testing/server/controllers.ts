import { authActions } from './auth/controller';
import type { ControllerActions } from './context';
import { documentActions } from './documents/controller';
import { collectionActions, indexActions } from './documents/index-controller';
import { realtimeActions } from './realtime/controller';
import { describeApi } from './system/api-description';
import { createServerActions } from './system/controller';

/** Every controller this server implements, by name. */
export const CONTROLLERS: Readonly<Record<string, ControllerActions>> = {
  auth: authActions,
  collection: collectionActions,
  document: documentActions,
  index: indexActions,
  realtime: realtimeActions,
  server: createServerActions(() => describeApi(CONTROLLERS)),
};

/**
 * The controllers of a real Kuzzle 2.56 without plugins (its `server:publicApi`). For one of them, an action this
 * server does not implement is answered as an unknown action (`api.process.action_not_found`), never as an unknown
 * controller: a call it cannot serve fails the way a real server fails for an action it lacks.
 */
export const REAL_CONTROLLERS: ReadonlySet<string> = new Set([
  'admin',
  'auth',
  'bulk',
  'cluster',
  'collection',
  'debug',
  'document',
  'index',
  'memoryStorage',
  'ms',
  'realtime',
  'security',
  'server',
]);
