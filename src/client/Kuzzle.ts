import { AuthController } from '../controllers/auth/AuthController';
import { BulkController } from '../controllers/bulk/BulkController';
import { ClusterController } from '../controllers/cluster/ClusterController';
import { CollectionController } from '../controllers/collection/CollectionController';
import { DebugController } from '../controllers/debug/DebugController';
import { LiveDocumentController } from '../live/LiveDocumentController';
import { IndexController } from '../controllers/index/IndexController';
import { MemoryStorageController } from '../controllers/ms/MemoryStorageController';
import { SecurityController } from '../controllers/security/SecurityController';
import { ServerController } from '../controllers/server/ServerController';
import { RealtimeController } from '../realtime/RealtimeController';
import { KuzzleClient } from './KuzzleClient';

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
