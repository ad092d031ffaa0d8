import { AuthController } from '../controllers/auth/auth-controller';
import { BulkController } from '../controllers/bulk/bulk-controller';
import { ClusterController } from '../controllers/cluster/cluster-controller';
import { CollectionController } from '../controllers/collection/collection-controller';
import { DebugController } from '../controllers/debug/debug-controller';
import { LiveDocumentController } from '../live/live-document-controller';
import { IndexController } from '../controllers/index/index-controller';
import { MemoryStorageController } from '../controllers/ms/memory-storage-controller';
import { SecurityController } from '../controllers/security/security-controller';
import { ServerController } from '../controllers/server/server-controller';
import { RealtimeController } from '../realtime/realtime-controller';
import { KuzzleClient } from './kuzzle-client';

/**
 * The Kuzzle client with every controller on it, in the places of the official SDK's (`kuzzle.document.create(...)`,
 * `kuzzle.ms.get(...)`, ...). Everything is an Observable: `connect()`, every request, realtime subscriptions,
 * `state$`, `events$` and `latency$`. An app that uses a few controllers can build a `KuzzleClient` and only those.
 */
export class Kuzzle extends KuzzleClient {
  readonly auth = new AuthController(this);
  readonly bulk = new BulkController(this);
  readonly cluster = new ClusterController(this);
  readonly collection = new CollectionController(this);
  readonly debug = new DebugController(this);
  readonly document = new LiveDocumentController(this);
  readonly index = new IndexController(this);
  readonly ms = new MemoryStorageController(this);
  readonly realtime = new RealtimeController(this);
  readonly security = new SecurityController(this);
  readonly server = new ServerController(this);
}
