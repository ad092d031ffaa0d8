import type { ResponseFrame } from './frame-schemas';
import type { KuzzleErrorPayload } from './errors/kuzzle-error';

/** Free-form metadata sent with a request and echoed in its notifications. */
export type Volatile = Record<string, unknown>;

/** A request to any controller and action: `controller` and `action` are required, the rest sits at top level. */
export interface KuzzleRequest {
  controller: string;
  action: string;
  requestId?: string;
  index?: string;
  collection?: string;
  _id?: string;
  body?: unknown;
  volatile?: Volatile;
  jwt?: string;
  [argument: string]: unknown;
}

/**
 * A server response, untouched: the frame's type, inferred from its schema (`frame-schemas.ts`), with `result` typed
 * by each controller method. `headers` is set by the HTTP link.
 */
export type KuzzleResponse<R = unknown> = Omit<ResponseFrame, 'result' | 'error' | 'volatile'> & {
  readonly error: KuzzleErrorPayload | null;
  readonly result: R;
  readonly volatile: Volatile | null;
  readonly headers?: Record<string, unknown>;
};

/** Per-call options, the last argument of `query()` and of every controller method. */
export interface RequestOptions {
  /** Milliseconds before the call fails with `RequestTimeoutError`; 0 disables. @default the client's `requestTimeout` */
  timeout?: number;
  /** Volatile data merged over the client's `volatile`. @default undefined */
  volatile?: Volatile;
  /** May the call wait in the offline queue while the client connects or reconnects? @default true */
  queuable?: boolean;
  /**
   * Re-send the request after a reconnection when the link dropped before its response. Read-only actions are
   * always re-sent; others fail with `ConnectionLostError` unless this is true (use it for idempotent writes).
   * @default false
   */
  resendAfterReconnect?: boolean;
  /**
   * Re-sends after consecutive link losses before the call fails with `RequestUnsafeToResendError`, for this call.
   * @default the client's `maxResends`
   */
  maxResends?: number;
}

/**
 * Actions that change nothing on the server, hence safe to send twice: re-sent after a reconnection when the link
 * dropped before their response.
 */
const READ_ONLY: Readonly<Record<string, readonly string[]>> = {
  server: [
    'now',
    'info',
    'getConfig',
    'getStats',
    'getLastStats',
    'getAllStats',
    'healthCheck',
    'publicApi',
    'openapi',
    'adminExists',
    'capabilities',
    'metrics',
  ],
  auth: [
    'checkToken',
    'getCurrentUser',
    'getMyRights',
    'getMyCredentials',
    'getStrategies',
    'credentialsExist',
    'validateMyCredentials',
    'checkRights',
    'searchApiKeys',
  ],
  document: ['get', 'mGet', 'exists', 'mExists', 'search', 'count', 'scroll', 'validate'],
  collection: [
    'exists',
    'list',
    'getMapping',
    'getSpecifications',
    'searchSpecifications',
    'scrollSpecifications',
    'getSettings',
    'validateSpecifications',
  ],
  index: ['exists', 'list', 'mExists', 'stats'],
  realtime: ['count', 'list'],
  cluster: ['status'],
  security: [
    'getUser',
    'getProfile',
    'getRole',
    'searchUsers',
    'searchProfiles',
    'searchRoles',
    'scrollUsers',
    'scrollProfiles',
    'mGetUsers',
    'mGetProfiles',
    'mGetRoles',
    'getUserRights',
    'getProfileRights',
    'getRoleMapping',
    'getProfileMapping',
    'getUserMapping',
    'getCredentials',
    'getCredentialsById',
    'getCredentialFields',
    'getAllCredentialFields',
    'hasCredentials',
    'validateCredentials',
    'searchApiKeys',
    'checkRights',
    'getUserStrategies',
    'searchUsersByCredentials',
  ],
  ms: [
    'bitcount',
    'bitpos',
    'dbsize',
    'exists',
    'geodist',
    'geohash',
    'geopos',
    'georadius',
    'georadiusbymember',
    'get',
    'getbit',
    'getrange',
    'hexists',
    'hget',
    'hgetall',
    'hkeys',
    'hlen',
    'hmget',
    'hscan',
    'hstrlen',
    'hvals',
    'keys',
    'lindex',
    'llen',
    'lrange',
    'mget',
    'object',
    'pfcount',
    'ping',
    'pttl',
    'randomkey',
    'scan',
    'scard',
    'sdiff',
    'sinter',
    'sismember',
    'smembers',
    'srandmember',
    'sscan',
    'strlen',
    'sunion',
    'time',
    'ttl',
    'type',
    'zcard',
    'zcount',
    'zlexcount',
    'zrange',
    'zrangebylex',
    'zrangebyscore',
    'zrank',
    'zrevrange',
    'zrevrangebylex',
    'zrevrangebyscore',
    'zrevrank',
    'zscan',
    'zscore',
  ],
};

export function isReadOnly(request: Pick<KuzzleRequest, 'controller' | 'action'>): boolean {
  return READ_ONLY[request.controller]?.includes(request.action) ?? false;
}

/** `controller:action`, the name under which the API documents an action. */
export function actionName(request: Pick<KuzzleRequest, 'controller' | 'action'>): string {
  return `${request.controller}:${request.action}`;
}
