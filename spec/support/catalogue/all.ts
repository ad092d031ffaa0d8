import { authRows } from './auth';
import { bulkRows } from './bulk';
import { clusterRows } from './cluster';
import { collectionRows } from './collection';
import { debugRows } from './debug';
import { documentRows } from './document';
import { indexRows } from './indexes';
import { msRows } from './ms';
import { realtimeRows } from './realtime';
import type { CatalogueRow } from './row';
import { securityRows } from './security';
import { serverRows } from './server';

export type { CatalogueRow } from './row';

/** Every row of the catalogue, by controller. */
export const CATALOGUE: Readonly<Record<string, readonly CatalogueRow[]>> = {
  auth: authRows,
  bulk: bulkRows,
  cluster: clusterRows,
  collection: collectionRows,
  debug: debugRows,
  document: documentRows,
  index: indexRows,
  ms: msRows,
  realtime: realtimeRows,
  security: securityRows,
  server: serverRows,
};

/**
 * Methods of kuzzle-sdk 7 deliberately not copied, with the reason (the README's migration table says it too).
 */
export const NOT_COPIED: Readonly<Record<string, string>> = {
  'realtime.unsubscribe': 'ending the subscription Observable is the unsubscribe; by roomId it would cut sibling subscriptions off',
  'realtime.saveSubscriptions': "kuzzle-sdk's own hook on disconnection: the client keeps its subscriptions and restores them itself",
  'realtime.resubscribe':
    "kuzzle-sdk's own hook on reconnection: the client restores every subscription before it reports itself reconnected",
  'realtime.removeSubscriptions':
    "kuzzle-sdk's own hook on token expiry: subscriptions then end with TokenExpiredError, or live on with the authenticator",
  'auth.authenticateRequest':
    "kuzzle-sdk's own hook adding the token to each request: the client does it for every request, in token mode only",
};
