import type { Observable } from 'rxjs';
import type { KuzzleRequest, KuzzleResponse, RequestOptions } from '../vocabulary/request';

/** What a controller needs of the client: sending a request and getting its response. */
export interface QuerySender {
  /**
   * Emits the whole response to `request` once, then completes; sends it on subscription. A server error is the
   * Observable's error, never a response.
   * @throws {KuzzleError} when the server answers with an error (its `id`, `status` and `message` untouched).
   * @throws {InvalidRequestError} when `request` has no `controller` or `action` (nothing is sent).
   * @throws {RequestTimeoutError} or `NotConnectedError`, `ConnectionLostError`, `RequestDroppedError`: see
   * `BaseController`.
   */
  query<R = unknown>(request: KuzzleRequest, options?: CallOptions): Observable<KuzzleResponse<R>>;
}

/**
 * The last argument of every controller method: the client's own options (`timeout`, `volatile`, `queuable`,
 * `resendAfterReconnect`) and the action's API arguments (`refresh`, `silent`, `from`, ...), which go into the
 * request as top-level fields, as the server expects them. Each method types the API arguments its action takes.
 */
export type CallOptions = RequestOptions & { readonly [argument: string]: unknown };

/** A request's fields other than `controller` and `action`; `undefined` fields are left out of the frame. */
export type RequestArguments = Omit<KuzzleRequest, 'controller' | 'action'>;
