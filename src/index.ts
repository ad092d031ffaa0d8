export { Kuzzle } from './client/kuzzle';
export type { KuzzleOptions, ResolvedKuzzleOptions } from './client/options';
export { DEFAULT_KUZZLE_OPTIONS } from './client/options';
export type { ConnectionState, KuzzleEvent, KuzzleEventType, RoomInfo } from './vocabulary/events';
export type { DiscardReason } from './vocabulary/frames';
export type { KuzzleRequest, KuzzleResponse, RequestOptions, Volatile } from './vocabulary/request';
export { isReadOnly } from './vocabulary/request';

export { WebSocketProtocol } from './protocol/web-socket-protocol';
export type { WebSocketProtocolOptions, WebSocketCtor, ResolvedProtocolOptions } from './protocol/options';
export type { LinkEvent } from './vocabulary/link-events';
export { DEFAULT_PROTOCOL_OPTIONS } from './protocol/options';
export { backoffDelay } from './protocol/backoff';
export type { BackoffPolicy } from './protocol/backoff';
export { isFatalClose } from './protocol/close-codes';

export { KuzzleClient } from './client/kuzzle-client';
export { BaseController } from './controllers/base-controller';
export type { QuerySender, CallOptions, RequestArguments } from './controllers/base-controller';
export { ArgumentCheck } from './controllers/arguments';
export type { JsonObject } from './controllers/arguments';
export { AuthController } from './controllers/auth/auth-controller';
export type { LoginResult, CheckTokenResult, CurrentUser } from './controllers/auth/auth-controller';
export { ServerController } from './controllers/server/server-controller';
export { DocumentController } from './controllers/document/document-controller';
export { LiveDocumentController } from './live/live-document-controller';
export type { KuzzleDocument, DocumentSource } from './controllers/document/document-controller';
export type { SearchResult } from './controllers/search/search-result';
export { allPages, allHits } from './controllers/search/streams';
export { RealtimeController } from './realtime/realtime-controller';
export type { SubscribeOptions, Scope } from './realtime/options';
export type { Notification, DocumentNotification, UserNotification, ServerNotification } from './vocabulary/notifications';

export type { FetchLike, FetchInitLike, FetchResponseLike } from './http/fetch';

export { KuzzleError, isKuzzleError } from './vocabulary/errors/kuzzle-error';
export type { KuzzleErrorPayload } from './vocabulary/errors/kuzzle-error';
export {
  InvalidOptionError,
  InvalidRequestError,
  RequestTimeoutError,
  NotConnectedError,
  ConnectionLostError,
  RequestDroppedError,
  RequestTooLargeError,
  RequestUnsafeToResendError,
  TokenExpiredError,
  SubscriptionLostError,
  HttpTransportError,
} from './vocabulary/errors/client-errors';
export type { RequestDropReason } from './vocabulary/errors/client-errors';
export { LinkLostError, PingTimeoutError, ReconnectionFailedError } from './vocabulary/errors/connection-errors';
export { isKuzzleRxError } from './vocabulary/errors/guards';
export { isRequestTooLargeError, isRequestUnsafeToResendError } from './vocabulary/errors/guards';
export type { KuzzleRxErrors } from './vocabulary/errors/guards';
export type { DisconnectOrigin } from './vocabulary/errors/connection-errors';
export { BulkController } from './controllers/bulk/bulk-controller';
export { ClusterController } from './controllers/cluster/cluster-controller';
export { CollectionController } from './controllers/collection/collection-controller';
export { DebugController } from './controllers/debug/debug-controller';
export { IndexController } from './controllers/index/index-controller';
export { MemoryStorageController } from './controllers/ms/memory-storage-controller';
export { SecurityController } from './controllers/security/security-controller';
export type {
  KuzzleInfo,
  StoredSource,
  KuzzleHit,
  KuzzleTargetHit,
  SearchTarget,
  MultipleResult,
  DocumentToWrite,
  DocumentToUpsert,
  DocumentWriteError,
  WrittenDocument,
  UpdatedDocument,
  MWriteResult,
  MUpdateResult,
  MGetResult,
  MExistsResult,
  MDeleteResult,
  UpdatedByQuery,
  UpdateByQueryResult,
  DeletedFields,
  UpsertedDocument,
  DocumentValidationResult,
} from './controllers/document/types';
export type {
  QueryLang,
  DocumentWriteOptions,
  DocumentMDeleteOptions,
  DocumentMWriteOptions,
  DocumentMUpdateOptions,
  DocumentUpdateOptions,
  DocumentUpsertOptions,
  DocumentDeleteFieldsOptions,
  DocumentCountOptions,
  DocumentDeleteByQueryOptions,
  DocumentUpdateByQueryOptions,
  DocumentSearchOptions,
  DocumentMGetOptions,
} from './controllers/document/options';
export type {
  BulkWriteOptions,
  BulkImportOptions,
  BulkWriteDocumentOptions,
  BulkMWriteOptions,
  BulkImportSuccess,
  BulkImportError,
  BulkImportResult,
  BulkDocument,
  BulkMWriteResult,
} from './controllers/bulk/types';
export type {
  CollectionMappings,
  CollectionDefinition,
  CollectionUpdateDefinition,
  CollectionList,
  CollectionSpecifications,
  StoredSpecifications,
  SpecificationsHit,
  SpecificationsValidation,
  CollectionGetMappingOptions,
  CollectionListOptions,
  CollectionSearchSpecificationsOptions,
} from './controllers/collection/types';
export type { CollectionStats, IndexStats } from './controllers/index/types';
export type {
  MsValue,
  MsLimit,
  MsGeoUnit,
  MsBitOperation,
  MsObjectSubcommand,
  MsKeyType,
  MsGeoPoint,
  MsGeoRadiusPoint,
  MsHashEntry,
  MsKeyEntry,
  MsScoredElement,
  MsScoredMember,
  MsScanPage,
  MsAction,
  MsActionResult,
} from './controllers/ms/types';
export type {
  MsSetOptions,
  MsZaddOptions,
  MsZaddIncrOptions,
  MsScanOptions,
  MsGeoRadiusOptions,
  MsGeodistOptions,
  MsBitRangeOptions,
  MsMembersCountOptions,
  MsRangeLimitOptions,
  MsZstoreOptions,
  MsSortOptions,
} from './controllers/ms/options';
export type {
  UserContent,
  SecurityUser,
  UserDefinition,
  CreateUserBody,
  RestrictedUserBody,
  UpsertUserBody,
  PolicyRestriction,
  ProfilePolicy,
  ProfileDefinition,
  SecurityProfile,
  RoleControllerRights,
  RoleDefinition,
  SecurityRole,
  SecurityRight,
  ApiKey,
  CredentialFields,
  Credentials,
  CredentialsSearchResult,
  SecurityScrollPage,
  SecurityMappingResult,
  SecurityMapping,
  DeletedId,
  SecurityCollection,
  RightsRequest,
} from './controllers/security/types';
export type {
  SecurityOptions,
  SecurityWriteOptions,
  CreateUserOptions,
  CreateFirstAdminOptions,
  UpdateUserOptions,
  ProfileWriteOptions,
  UpdateProfileOptions,
  DeleteProfileOptions,
  RoleWriteOptions,
  UpdateRoleOptions,
  CreateApiKeyOptions,
  SecurityFromSizeOptions,
  SecuritySearchOptions,
  SecurityScrollOptions,
} from './controllers/security/options';
export type { CreatedToken } from './controllers/auth/types';
export type {
  TokenDuration,
  LogoutOptions,
  RefreshTokenOptions,
  CreateTokenOptions,
  AuthCreateApiKeyOptions,
  AuthDeleteApiKeyOptions,
  AuthSearchApiKeysOptions,
  UpdateSelfOptions,
} from './controllers/auth/options';
export type { StatsTime } from './controllers/server/server-controller';
export type {
  HealthStatus,
  HealthService,
  HealthCheckResult,
  ServerMetrics,
  StatsFrame,
  StatsResult,
  ApiAction,
  PublicApi,
  ServerCapabilities,
  ServerInfo,
} from './controllers/server/types';
export type { HealthCheckOptions, OpenApiOptions } from './controllers/server/options';
export type { ClusterNode, ClusterActivity, ClusterStatus } from './controllers/cluster/types';
export type { PublishOptions, JoinOptions, JoinResult, RoomList } from './realtime/types';
export type { BitOperation } from './controllers/ms/types';
export type { Strings } from './controllers/ms/memory-storage-controller';
export type { SubscriptionStatus, SubscriptionEvent } from './vocabulary/subscription-status';
export type { LiveStatus, LiveResult, WatchedDocuments } from './live/types';
export type { WatchOptions, LiveSort } from './live/query/options';
export type { WatchDocumentsOptions } from './live/documents/watch-documents';
export type { KoncordeFilter } from './live/filters';
export type { Presence, PresenceEvent } from './realtime/types';
export type { PresenceOptions } from './realtime/options';
