import { BehaviorSubject, catchError, defer, filter, map, Observable, of, race, switchMap, throwError, type Subscriber } from 'rxjs';
import { ConnectionLostError, RequestTooLargeError, RequestUnsafeToResendError } from '../vocabulary/errors/client-errors';
import { isReadOnly, type KuzzleRequest, type KuzzleResponse, type RequestOptions } from '../vocabulary/request';
import { OneAtATime } from './one-at-a-time';
import { DEFAULT_MAX_REQUEST_SIZE, DEFAULT_MAX_RESENDS } from './request-limits';

export interface RequestChannelDeps {
  /** Sends a text frame; false when no socket is open (the loss event follows). */
  readonly send: (text: string) => boolean;
  /** Serialises a request at the moment it is sent (the current token goes in then). */
  readonly serialize: (request: KuzzleRequest) => string;
  /** Emits each time the link drops or is closed. */
  readonly linkLost$: Observable<unknown>;
  /** Emits once the request may go out (see `OfflineQueue`). */
  readonly whenReady: (request: KuzzleRequest, queuable: boolean) => Observable<void>;
  /** Largest frame sent, in UTF-8 bytes; 0 or Infinity: no limit. @default DEFAULT_MAX_REQUEST_SIZE (1 MiB) */
  readonly maxRequestSize?: number;
  /** Re-sends of a request after consecutive link losses. @default DEFAULT_MAX_RESENDS (2) */
  readonly maxResends?: number;
}

type SendableRequest = KuzzleRequest & { requestId: string };

/** The UTF-8 length of `text` in bytes, as a WebSocket sends it (a lone surrogate goes as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) {
      bytes += 1;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    // A surrogate pair: 2 units, 4 bytes; anything else up to U+FFFF (a lone surrogate included): 3 bytes.
    if (code <= 0xdbff && code >= 0xd800 && next >= 0xdc00 && next <= 0xdfff) i++;
    bytes += 2;
  }
  return bytes;
}

/** The size of `text` when it is over `limit` bytes (0 or Infinity: no limit), else undefined. */
export function oversize(text: string, limit: number): number | undefined {
  // A UTF-16 unit never takes more than 3 bytes: most frames are cleared without being scanned.
  if (limit <= 0 || text.length * 3 <= limit) return undefined;
  const size = utf8Length(text);
  return size > limit ? size : undefined;
}

/** What becomes of a request whose exchange failed: sent again once connected, or failed with `error`. */
export type ResendDecision = { readonly kind: 'resend' } | { readonly kind: 'fail'; readonly error: unknown };

/**
 * Decides after the failure number `losses` (1-based, consecutive: a response ends the exchange) of an exchange. Only a
 * link loss is worth a re-send, only for a resendable request, and only `maxResends` times: a request in flight at
 * every one of `maxResends + 1` losses is suspected of causing them.
 */
export function decideResend(error: unknown, losses: number, resendable: boolean, maxResends: number): ResendDecision {
  if (!(error instanceof ConnectionLostError) || !resendable) return { kind: 'fail', error };
  if (losses > maxResends) return { kind: 'fail', error: new RequestUnsafeToResendError(error.request, losses, maxResends) };
  return { kind: 'resend' };
}

/** The request as errors carry it: without the token a caller may have put in it. */
function withoutToken(request: KuzzleRequest): KuzzleRequest {
  if (request.jwt === undefined) return request;
  const copy = { ...request };
  delete copy.jwt;
  return copy;
}

/**
 * Requests over the WebSocket, correlated by `requestId`. Each exchange registers itself under its id while it awaits
 * its response and is removed on any end (response, error, timeout, unsubscription), so nothing is left pending. A
 * response is looked up by its id: its cost does not grow with the number of requests in flight.
 */
export class RequestChannel {
  /** The exchanges awaiting a response, by request id (several when a caller reuses an id). */
  private readonly pending = new Map<string, Array<Subscriber<KuzzleResponse>>>();
  private readonly maxRequestSize: number;
  private readonly maxResends: number;
  /** How many request ids await a response. */
  private readonly inFlight = new BehaviorSubject(0);
  /** Emits (the current state replayed) each time no request awaits a response. */
  readonly idle$: Observable<unknown> = this.inFlight.pipe(filter((count) => count === 0));

  /** True while some request awaits its response. */
  get busy(): boolean {
    return this.inFlight.value > 0;
  }
  /** Requests that were in flight at a loss go out again one at a time. */
  private readonly suspects = new OneAtATime();

  constructor(private readonly deps: RequestChannelDeps) {
    this.maxRequestSize = deps.maxRequestSize ?? DEFAULT_MAX_REQUEST_SIZE;
    this.maxResends = deps.maxResends ?? DEFAULT_MAX_RESENDS;
  }

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
   * Sends once ready and emits the response. A frame over `maxRequestSize` fails with `RequestTooLargeError`, unsent.
   * When the link drops first, read-only requests (and those that opted in) wait for the next connection and are sent
   * again, up to `maxResends` times (then `RequestUnsafeToResendError`); the others fail with `ConnectionLostError`.
   */
  exchange(request: SendableRequest, options: RequestOptions, bypassQueue: boolean): Observable<KuzzleResponse> {
    const resendable = (options.resendAfterReconnect === true || isReadOnly(request)) && !bypassQueue;
    const ready$ = bypassQueue ? of(undefined) : this.deps.whenReady(request, options.queuable ?? true);
    const once$ = ready$.pipe(switchMap(() => this.sendAndAwait(request)));
    const maxResends = options.maxResends ?? this.maxResends;
    // A request that was in flight at a loss is re-sent alone among such suspects, so that the one that drops the
    // link (a frame the server refuses) cannot take the others down with it again: they are not in flight then.
    const attempt = (losses: number): Observable<KuzzleResponse> =>
      (losses === 0 ? once$ : this.suspects.run(once$)).pipe(
        catchError((error: unknown) => {
          const decision = decideResend(error, losses + 1, resendable, maxResends);
          return decision.kind === 'resend' ? attempt(losses + 1) : throwError(() => decision.error);
        }),
      );
    return attempt(0);
  }

  /** Serialises (with the token of this moment) and measures the frame, then sends it unless it is too large. */
  private sendAndAwait(request: SendableRequest): Observable<KuzzleResponse> {
    return defer(() => {
      const text = this.deps.serialize(request);
      const size = oversize(text, this.maxRequestSize);
      if (size !== undefined) return throwError(() => new RequestTooLargeError(withoutToken(request), size, this.maxRequestSize));
      return this.await(request, text);
    });
  }

  /**
   * The response to the frame sent, or a `ConnectionLostError` if the link drops first: the loss is listened to
   * before the frame goes out (`race` subscribes in order), so that a send on a closing socket is followed by it.
   */
  private await(request: SendableRequest, text: string): Observable<KuzzleResponse> {
    const lost$ = this.deps.linkLost$.pipe(
      map(() => {
        throw new ConnectionLostError(withoutToken(request));
      }),
    );
    // A hand-made registry rather than a filter over every response: a response is found by its id, at a cost that
    // does not grow with the number of requests in flight.
    const response$ = new Observable<KuzzleResponse>((subscriber) => {
      const id = request.requestId;
      this.pending.set(id, [...(this.pending.get(id) ?? []), subscriber]);
      this.inFlight.next(this.pending.size);
      this.deps.send(text);
      return () => {
        const rest = (this.pending.get(id) ?? []).filter((other) => other !== subscriber);
        if (rest.length > 0) this.pending.set(id, rest);
        else this.pending.delete(id);
        this.inFlight.next(this.pending.size);
      };
    });
    return race(lost$, response$);
  }
}
