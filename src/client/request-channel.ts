import { Observable, of, retry, switchMap, take, throwError, type Subscriber } from 'rxjs';
import { ConnectionLostError } from '../vocabulary/errors/client-errors';
import { isReadOnly, type KuzzleRequest, type KuzzleResponse, type RequestOptions } from '../vocabulary/request';

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
 * Requests over the WebSocket, correlated by `requestId`. Each exchange registers itself under its id while it awaits
 * its response and is removed on any end (response, error, timeout, unsubscription), so nothing is left pending. A
 * response is looked up by its id: its cost does not grow with the number of requests in flight.
 */
export class RequestChannel {
  /** The exchanges awaiting a response, by request id (several when a caller reuses an id). */
  private readonly pending = new Map<string, Array<Subscriber<KuzzleResponse>>>();

  constructor(private readonly deps: RequestChannelDeps) {}

  /** Hands a response to the requests awaiting it; false when none does. */
  deliver(response: KuzzleResponse): boolean {
    const waiting = this.pending.get(response.requestId);
    if (!waiting) return false;
    this.pending.delete(response.requestId);
    for (const subscriber of waiting) {
      subscriber.next(response);
      subscriber.complete();
    }
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
      retry({
        delay: (error: unknown) => (error instanceof ConnectionLostError && resendable && !bypassQueue ? of(0) : throwError(() => error)),
      }),
    );
  }

  private sendAndAwait(request: KuzzleRequest & { requestId: string }): Observable<KuzzleResponse> {
    return new Observable<KuzzleResponse>((subscriber) => {
      const id = request.requestId;
      this.pending.set(id, [...(this.pending.get(id) ?? []), subscriber]);
      const lost = this.deps.linkLost$.pipe(take(1)).subscribe(() => subscriber.error(new ConnectionLostError(request)));
      // A failed send means the socket just closed: the loss event that follows ends this exchange.
      this.deps.send(this.deps.serialize(request));
      return () => {
        lost.unsubscribe();
        const rest = (this.pending.get(id) ?? []).filter((other) => other !== subscriber);
        if (rest.length > 0) this.pending.set(id, rest);
        else this.pending.delete(id);
      };
    });
  }
}
