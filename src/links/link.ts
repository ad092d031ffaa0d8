import type { Observable } from 'rxjs';
import type { KuzzleRequest, KuzzleResponse, RequestOptions } from '../vocabulary/request';

/** A request as it travels down the links: with its id and volatile data, without the session's token. */
export type SendableRequest = KuzzleRequest & { readonly requestId: string };

/** One request on its way to the server, and how the client was asked to send it. */
export interface LinkOperation {
  readonly request: SendableRequest;
  /** The client's own options of the call (`timeout`, `queuable`, `resendAfterReconnect`, `volatile`). */
  readonly options: RequestOptions;
  /**
   * Sent while the client restores a new socket (the token check, the subscriptions), before it reports itself
   * connected: it does not wait in the offline queue.
   */
  readonly restoring: boolean;
}

/**
 * A transport, as a function: an operation in, its response out (one value, then complete; or an error). The client's
 * links are the WebSocket, HTTP, and the cookie renewal that wraps HTTP; `split` chooses between two of them.
 */
export type Link = (operation: LinkOperation) => Observable<KuzzleResponse>;

/**
 * A link of the user's, in front of the client's own (option `links`): it sees every operation and hands it on with
 * `forward`, or answers it itself. Logging, metrics and tracing go here.
 *
 * @example Timing every request
 * ```ts
 * const timing: LinkMiddleware = (operation, forward) => {
 *   const started = performance.now();
 *   const name = `${operation.request.controller}:${operation.request.action}`;
 *   return forward(operation).pipe(finalize(() => console.log(name, performance.now() - started, 'ms')));
 * };
 * const kuzzle = new Kuzzle(new WebSocketProtocol('localhost'), { links: [timing] });
 * ```
 */
export type LinkMiddleware = (operation: LinkOperation, forward: Link) => Observable<KuzzleResponse>;

/** The middlewares in front of `terminal`, the first one outermost. */
export function chain(middlewares: readonly LinkMiddleware[], terminal: Link): Link {
  return middlewares.reduceRight<Link>((next, middleware) => (operation) => middleware(operation, next), terminal);
}
