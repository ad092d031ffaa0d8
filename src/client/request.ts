import type { KuzzleErrorPayload } from '../errors/KuzzleError';

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

/** A server response, untouched. `result` is typed by each controller method. */
export interface KuzzleResponse<R = unknown> {
  requestId: string;
  status: number;
  controller: string | null;
  action: string | null;
  index?: string | null;
  collection?: string | null;
  error: KuzzleErrorPayload | null;
  result: R;
  volatile: Volatile | null;
  headers?: Record<string, unknown>;
  room?: string;
}

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
}

/**
 * Actions that change nothing on the server, hence safe to send twice: re-sent after a reconnection when the link
 * dropped before their response.
 */
const READ_ONLY: Readonly<Record<string, readonly string[]>> = {
  server: ['now', 'info', 'getConfig', 'getStats', 'getLastStats', 'getAllStats', 'healthCheck', 'publicApi', 'openapi', 'adminExists', 'capabilities'],
  auth: ['checkToken', 'getCurrentUser', 'getMyRights', 'getMyCredentials', 'getStrategies', 'credentialsExist', 'validateMyCredentials', 'checkRights'],
  document: ['get', 'mGet', 'exists', 'search', 'count', 'scroll', 'validate'],
  collection: ['exists', 'list', 'getMapping', 'getSpecifications', 'searchSpecifications'],
  index: ['exists', 'list', 'mExists'],
  realtime: ['count', 'list'],
  security: ['getUser', 'getProfile', 'getRole', 'searchUsers', 'searchProfiles', 'searchRoles', 'mGetUsers', 'mGetProfiles', 'mGetRoles', 'getUserRights', 'getProfileRights'],
};

export function isReadOnly(request: Pick<KuzzleRequest, 'controller' | 'action'>): boolean {
  return READ_ONLY[request.controller]?.includes(request.action) ?? false;
}

/** `controller:action`, the name under which the API documents an action. */
export function actionName(request: Pick<KuzzleRequest, 'controller' | 'action'>): string {
  return `${request.controller}:${request.action}`;
}
