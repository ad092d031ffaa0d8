import type { TokenRecord } from './auth/tokens';
import type { UserView } from './auth/users';
import type { ClientConnection } from './connections';
import type { JsonValue } from './json';
import type { Kernel } from './kernel';
import type { ServerRequest } from './request';

/** Everything an action handler may use. */
export interface RequestContext {
  readonly kernel: Kernel;
  readonly request: ServerRequest;
  readonly connection: ClientConnection;
  /** The token the request authenticated with; null for anonymous. */
  readonly token: TokenRecord | null;
  readonly user: UserView;
  /** Adds a `Set-Cookie` to the HTTP response (ignored over WebSocket, as on the real server). */
  readonly setCookie: (cookie: string) => void;
}

/** An action: returns the response `result` (undefined drops the key) or throws an `ApiError`. */
export type Handler = (ctx: RequestContext) => JsonValue | undefined;

export type ControllerActions = Readonly<Record<string, Handler>>;
