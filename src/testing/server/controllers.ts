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
