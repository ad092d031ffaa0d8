import { map, type Observable } from 'rxjs';
import type { KuzzleRequest, KuzzleResponse, RequestOptions } from '../client/request';

/** What a controller needs of the client: sending a request and getting its response. */
export interface QuerySender {
  query<R = unknown>(request: KuzzleRequest, options?: RequestOptions): Observable<KuzzleResponse<R>>;
}

/** Every controller method emits the server's `result`, then completes. */
export abstract class BaseController {
  protected constructor(
    protected readonly sender: QuerySender,
    protected readonly controller: string,
  ) {}

  protected call<R>(action: string, args: Omit<KuzzleRequest, 'controller' | 'action'>, options?: RequestOptions): Observable<R> {
    return this.sender
      .query<R>({ ...args, controller: this.controller, action }, options)
      .pipe(map((response) => response.result));
  }
}
