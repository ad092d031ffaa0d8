import type { Observable } from 'rxjs';
import type { KuzzleRequest, KuzzleResponse, RequestOptions } from '../vocabulary/request';

/** What a controller needs of the client: sending a request and getting its response. */
export interface QuerySender {
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
