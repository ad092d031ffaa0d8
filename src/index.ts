export { Kuzzle } from './client/Kuzzle';
export type { KuzzleOptions } from './client/options';
export { DEFAULT_KUZZLE_OPTIONS } from './client/options';
export type { ConnectionState, KuzzleEvent, KuzzleEventType, RoomInfo } from './client/events';
export type { DiscardReason } from './client/frames';
export type { KuzzleRequest, KuzzleResponse, RequestOptions, Volatile } from './client/request';
export { isReadOnly } from './client/request';

export { WebSocketProtocol } from './protocol/WebSocketProtocol';
export type { WebSocketProtocolOptions, WebSocketCtor } from './protocol/options';
export { DEFAULT_PROTOCOL_OPTIONS } from './protocol/options';
export { backoffDelay } from './protocol/backoff';
export type { BackoffPolicy } from './protocol/backoff';
export { isFatalClose } from './protocol/closeCodes';

export { KuzzleClient } from './client/KuzzleClient';
export { BaseController } from './controllers/BaseController';
export type { QuerySender, CallOptions, RequestArguments } from './controllers/BaseController';
export { ArgumentCheck } from './controllers/arguments';
export type { JsonObject } from './controllers/arguments';
export { AuthController } from './controllers/auth/AuthController';
export type { LoginResult, CheckTokenResult, CurrentUser } from './controllers/auth/AuthController';
export { ServerController } from './controllers/server/ServerController';
export { DocumentController } from './controllers/document/DocumentController';
export type { KuzzleDocument, DocumentSource } from './controllers/document/DocumentController';
export type { SearchResult } from './controllers/search/SearchResult';
export { allPages, allHits } from './controllers/search/streams';
export { RealtimeController } from './realtime/RealtimeController';
export type { SubscribeOptions, Scope } from './realtime/options';
export type { Notification, DocumentNotification, UserNotification, ServerNotification } from './realtime/notifications';

export type { FetchLike, FetchInitLike, FetchResponseLike } from './http/fetch';

export { KuzzleError, isKuzzleError } from './errors/KuzzleError';
export type { KuzzleErrorPayload } from './errors/KuzzleError';
export {
  InvalidOptionError,
  InvalidRequestError,
  RequestTimeoutError,
  NotConnectedError,
  ConnectionLostError,
  RequestDroppedError,
  TokenExpiredError,
  SubscriptionLostError,
  HttpTransportError,
} from './errors/ClientErrors';
export { LinkLostError, PingTimeoutError, ReconnectionFailedError } from './errors/ConnectionErrors';
export { isKuzzleRxError } from './errors/guards';
export type { KuzzleRxErrors } from './errors/guards';
export type { DisconnectOrigin } from './errors/ConnectionErrors';
export { BulkController } from './controllers/bulk/BulkController';
export { ClusterController } from './controllers/cluster/ClusterController';
export { CollectionController } from './controllers/collection/CollectionController';
export { DebugController } from './controllers/debug/DebugController';
export { IndexController } from './controllers/index/IndexController';
export { MemoryStorageController } from './controllers/ms/MemoryStorageController';
export { SecurityController } from './controllers/security/SecurityController';
