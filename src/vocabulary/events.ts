import type { RequestDropReason } from './errors/client-errors';
import type { DisconnectOrigin } from './errors/connection-errors';
import type { KuzzleError } from './errors/kuzzle-error';
import type { DiscardReason } from './frames';
import type { KuzzleRequest } from './request';

/** The client's connection state; `state$` replays the current one. */
export type ConnectionState = 'offline' | 'connecting' | 'connected' | 'reconnecting';

/** What a realtime subscription event names. */
export interface RoomInfo {
  readonly roomId: string;
  readonly channel: string;
  readonly index: string;
  readonly collection: string;
}

/** Everything `events$` emits: narrow on `type`. */
export type KuzzleEvent =
  /** The first connection is open (and ready: requests go out). */
  | { readonly type: 'connected' }
  /** A connection is open again, the session and every subscription restored. */
  | { readonly type: 'reconnected' }
  /** A socket ended. `origin` says who ended it; `code` and `reason` are the close frame's, when there was one. */
  | { readonly type: 'disconnected'; readonly origin: DisconnectOrigin; readonly code?: number; readonly reason?: string }
  /** The next connection attempt starts after `delay` ms. */
  | { readonly type: 'reconnecting'; readonly attempt: number; readonly delay: number }
  /** The reconnection policy gave up: the client is offline. */
  | { readonly type: 'reconnectionFailed'; readonly error: Error }
  /** A socket could not be opened or failed. */
  | { readonly type: 'networkError'; readonly error: Error }
  /** A request was answered with an error. */
  | { readonly type: 'queryError'; readonly error: KuzzleError; readonly request: KuzzleRequest }
  /**
   * A server frame was set aside (not JSON, unexpected shape, for no pending request or subscription). A response for
   * no pending request names its `requestId` and, when it is an error, the `error` (a server over its rate limit
   * answers with a 429 that names a request id of its own): never its text, which may hold a token. `frame` is the
   * text of the others, tokens redacted.
   */
  | {
      readonly type: 'discarded';
      readonly reason: DiscardReason;
      readonly frame?: string;
      readonly requestId?: string;
      readonly error?: KuzzleError;
      readonly request?: KuzzleRequest;
    }
  /** The server acknowledged a subscription: it is live. */
  | ({ readonly type: 'subscribed' } & RoomInfo)
  /** A subscription was restored on a new socket (after a reconnection or an authentication renewal). */
  | ({ readonly type: 'resubscribed' } & RoomInfo)
  /** The authentication token is no longer valid and was dropped. */
  | { readonly type: 'tokenExpired' }
  /** The session was renewed by the `authenticator` after the token expired. */
  | { readonly type: 'reauthenticated' }
  /** A request waits in the offline queue. */
  | { readonly type: 'queued'; readonly request: KuzzleRequest }
  /** A queued request was sent once connected. */
  | { readonly type: 'replayed'; readonly request: KuzzleRequest }
  /** The offline queue dropped a request (`reason`: see `RequestDropReason`); its Observable errors with `RequestDroppedError`. */
  | { readonly type: 'dropped'; readonly reason: RequestDropReason; readonly request: KuzzleRequest };

export type KuzzleEventType = KuzzleEvent['type'];
