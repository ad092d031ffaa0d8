import { filter, Observable, Subject, switchMap, take, takeUntil, timer } from 'rxjs';
import { webSocket } from 'rxjs/webSocket';
import { LinkLostError, type DisconnectOrigin } from '../vocabulary/errors/connection-errors';
import { keepAlive, type KeepAliveConfig } from './keep-alive';
import type { WebSocketCtor, WebSocketLike } from './options';
import { handshakeCtor } from './web-socket-ctor';

/** What one socket reports while it lives. */
export type SessionSignal =
  | { readonly kind: 'open'; readonly send: (text: string) => boolean }
  | { readonly kind: 'message'; readonly text: string }
  | { readonly kind: 'binary' }
  | { readonly kind: 'latency'; readonly ms: number };

/** A close this client asks for: by the user (`disconnect()`) or around an HTTP authentication call. */
export type IntentionalClose = Extract<DisconnectOrigin, 'user' | 'auth-renewal'>;

export interface SessionConfig {
  readonly url: string;
  readonly WebSocketCtor: WebSocketCtor;
  readonly headers: Record<string, string>;
  readonly keepAlive: KeepAliveConfig;
  /** Milliseconds the opening handshake may take; 0 waits forever. */
  readonly connectTimeout: number;
  /** Emits when the socket must be closed on purpose. */
  readonly closeRequests$: Observable<IntentionalClose>;
}

const PONG = '{"p":2}';
const PING = '{"p":1}';
const NORMAL_CLOSURE = 1000;

interface CloseInfo {
  readonly code: number;
  readonly reason: string;
}

function errorCause(event: unknown): unknown {
  const inner = (event as { error?: unknown }).error;
  if (inner instanceof Error) return inner;
  const message = (event as { message?: unknown }).message;
  return typeof message === 'string' && message ? new Error(message) : event;
}

/**
 * One WebSocket, from opening to its end, as a cold Observable: `open`, then every text frame and each ping round
 * trip. It never completes: every end of the socket is a `LinkLostError` saying who ended it, so that one
 * reconnection policy handles them all. Unsubscribing closes the socket.
 */
export function socketSession(config: SessionConfig): Observable<SessionSignal> {
  return new Observable<SessionSignal>((subscriber) => {
    let raw: WebSocketLike | undefined;
    let opened = false;
    let lastClose: CloseInfo | undefined;
    let ending: { how: 'close'; code: number; reason: string } | { how: 'terminate' } = {
      how: 'close',
      code: NORMAL_CLOSURE,
      reason: '',
    };
    const pongs$ = new Subject<void>();
    const opened$ = new Subject<void>();
    const Ctor = handshakeCtor(config.WebSocketCtor, config.headers, (socket) => (raw = socket));

    const send = (text: string): boolean => {
      if (raw?.readyState !== 1) return false;
      socket$.next(text);
      return true;
    };

    const lost = (origin: DisconnectOrigin, cause?: unknown): LinkLostError =>
      new LinkLostError(origin, opened, lastClose?.code, lastClose?.reason || undefined, cause);

    const socket$ = webSocket<unknown>({
      url: config.url,
      WebSocketCtor: Ctor,
      serializer: (value) => value as string,
      deserializer: (event) => event.data as unknown,
      openObserver: {
        next: () => {
          opened = true;
          subscriber.next({ kind: 'open', send });
          opened$.next();
        },
      },
      closeObserver: { next: (event) => (lastClose = { code: event.code, reason: event.reason }) },
    });

    // The keep-alive runs from the opening on.
    const pinging = opened$
      .pipe(
        take(1),
        switchMap(() => keepAlive(() => send(PING), pongs$, config.keepAlive)),
      )
      .subscribe({
        next: (ms) => subscriber.next({ kind: 'latency', ms }),
        error: (error: unknown) => {
          ending = { how: 'terminate' };
          subscriber.error(lost('ping-timeout', error));
        },
      });

    const inbound = socket$.subscribe({
      next: (data) => {
        // Binary frames are not part of the protocol: reported, never parsed.
        if (typeof data !== 'string') subscriber.next({ kind: 'binary' });
        else if (data === PONG) pongs$.next();
        else subscriber.next({ kind: 'message', text: data });
      },
      error: (event: unknown) => {
        const code = (event as { code?: unknown }).code;
        if (typeof code === 'number') lastClose = { code, reason: String((event as { reason?: unknown }).reason ?? '') };
        subscriber.error(lost('network', errorCause(event)));
      },
      // A close handshake completed: the server chose to close (1000 on restart, 4xxx, ...).
      complete: () => subscriber.error(lost(lastClose?.code === 1006 ? 'network' : 'server')),
    });

    // A handshake that never completes (a black-holed host) would otherwise leave the client connecting forever.
    const opening =
      config.connectTimeout > 0
        ? timer(config.connectTimeout, config.keepAlive.scheduler)
            .pipe(takeUntil(opened$))
            .subscribe(() => subscriber.error(lost('network', new Error(`no handshake within ${config.connectTimeout} ms`))))
        : undefined;

    const closing = config.closeRequests$.pipe(filter(() => !subscriber.closed)).subscribe((origin) => {
      ending = { how: 'close', code: NORMAL_CLOSURE, reason: origin };
      subscriber.error(new LinkLostError(origin, opened, NORMAL_CLOSURE, origin));
    });

    return () => {
      closing.unsubscribe();
      opening?.unsubscribe();
      pinging.unsubscribe();
      const socket = raw;
      if (socket && (socket.readyState === 0 || socket.readyState === 1)) {
        // A dead link cannot finish a closing handshake: drop the TCP connection when the runtime allows it.
        if (ending.how === 'terminate' && socket.terminate) socket.terminate();
        else if (ending.how === 'terminate') socket.close(4000, 'ping timeout');
        else socket.close(ending.code, ending.reason);
      }
      inbound.unsubscribe();
    };
  });
}
