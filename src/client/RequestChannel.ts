import { filter, map, merge, Observable, of, retry, Subject, switchMap, take, throwError } from 'rxjs';
import { ConnectionLostError } from '../errors/ClientErrors';
import { isReadOnly, type KuzzleRequest, type KuzzleResponse, type RequestOptions } from './request';

export interface RequestChannelDeps {
  /** Sends a text frame; false when no socket is open (the loss event follows). */
  readonly send: (text: string) => boolean;
  /** Serialises a request at the moment it is sent (the current token goes in then). */
  readonly serialize: (request: KuzzleRequest) => string;
  /** Emits each time the link drops or is closed. */
  readonly linkLost$: Observable<unknown>;
  /** Emits once the request may go out (see `OfflineQueue`). */
  readonly whenReady: (request: KuzzleRequest, queuable: boolean) => Observable<void>;
}

/**
 * Requests over the WebSocket, correlated by `requestId`. Each exchange registers its id while it awaits its response
 * and removes it on any end (response, error, timeout, unsubscription), so nothing is left pending.
 */
export class RequestChannel {
  private readonly pending = new Set<string>();
  private readonly responses = new Subject<KuzzleResponse>();

  constructor(private readonly deps: RequestChannelDeps) {}

  /** Hands a response to the request awaiting it; false when none does. */
  deliver(response: KuzzleResponse): boolean {
    if (!this.pending.has(response.requestId)) return false;
    this.responses.next(response);
    return true;
  }

  /**
   * Sends once ready and emits the response. When the link drops first, read-only requests (and those that opted in)
   * wait for the next connection and are sent again; the others fail with `ConnectionLostError`.
   */
  exchange(request: KuzzleRequest & { requestId: string }, options: RequestOptions, bypassQueue: boolean): Observable<KuzzleResponse> {
    const resendable = options.resendAfterReconnect === true || isReadOnly(request);
    const ready$ = bypassQueue ? of(undefined) : this.deps.whenReady(request, options.queuable ?? true);
    const once$ = ready$.pipe(switchMap(() => this.sendAndAwait(request)));
    return once$.pipe(
      retry({ delay: (error: unknown) => (error instanceof ConnectionLostError && resendable && !bypassQueue ? of(0) : throwError(() => error)) }),
    );
  }

  private sendAndAwait(request: KuzzleRequest & { requestId: string }): Observable<KuzzleResponse> {
    return new Observable<KuzzleResponse>((subscriber) => {
      const id = request.requestId;
      this.pending.add(id);
      const answer = merge(
        this.responses.pipe(filter((response) => response.requestId === id)),
        this.deps.linkLost$.pipe(
          map((): never => {
            throw new ConnectionLostError(request);
          }),
        ),
      )
        .pipe(take(1))
        .subscribe(subscriber);
      // A failed send means the socket just closed: the loss event that follows ends this exchange.
      this.deps.send(this.deps.serialize(request));
      return () => {
        answer.unsubscribe();
        this.pending.delete(id);
      };
    });
  }
}
