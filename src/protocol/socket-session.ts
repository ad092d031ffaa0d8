import {
  catchError,
  defer,
  EMPTY,
  endWith,
  filter,
  ignoreElements,
  map,
  merge,
  type Observable,
  of,
  ReplaySubject,
  scan,
  share,
  Subject,
  switchMap,
  take,
  takeUntil,
  takeWhile,
  tap,
  timer,
} from 'rxjs';
import { webSocket } from 'rxjs/webSocket';
import type { DisconnectOrigin } from '../vocabulary/errors/connection-errors';
import type { SocketEvent } from '../vocabulary/link-events';
import { pace, pingsPerWindow, RATE_WINDOW } from './pacing';
import { keepAlive, type KeepAliveConfig, type LifeSign } from './keep-alive';
import type { WebSocketCtor, WebSocketLike } from './options';
import { INITIAL_SESSION, reduceSession, type SessionSignal, type SessionState, type SocketEnding } from './session-state';
import { handshakeCtor } from './web-socket-ctor';

/** A close this client asks for: by the user (`disconnect()`), or to open a new socket at once. */
export type IntentionalClose = Extract<DisconnectOrigin, 'user' | 'reopen'>;

export interface SessionConfig {
  readonly url: string;
  readonly WebSocketCtor: WebSocketCtor;
  readonly headers: Record<string, string>;
  readonly keepAlive: KeepAliveConfig;
  /** Milliseconds the opening handshake may take; 0 waits forever. */
  readonly connectTimeout: number;
  /** Largest frame accepted from the server, in bytes (Node's `ws`). */
  readonly maxPayload?: number;
  /** An earlier socket of the same run was open: this one's `open` event says `resumed`. */
  readonly resumed: boolean;
  /** Frames per second never exceeded (0: no limit), pings included: see `WebSocketProtocolOptions.rateLimit`. */
  readonly rateLimit: number;
  /** The text frames to send, written while the socket is open (none is kept for a later socket). */
  readonly outbound$: Observable<string>;
  /** Emits when the socket must be closed on purpose. */
  readonly closeRequests$: Observable<IntentionalClose>;
  /** Emits when the device went offline: the socket is dropped as a lost link. */
  readonly offline$: Observable<unknown>;
}

const PONG = '{"p":2}';
const PING = '{"p":1}';
const NORMAL_CLOSURE = 1000;

function errorCause(event: unknown): unknown {
  const inner = (event as { error?: unknown }).error;
  if (inner instanceof Error) return inner;
  const message = (event as { message?: unknown }).message;
  return typeof message === 'string' && message ? new Error(message) : event;
}

/** What the end of a session does to a socket still open: a dead link cannot finish a closing handshake. */
function endSocket(socket: WebSocketLike | undefined, ending: SocketEnding | undefined): void {
  if (!socket || !ending || (socket.readyState !== 0 && socket.readyState !== 1)) return;
  if (ending.how === 'close') socket.close(ending.code, ending.reason);
  else if (socket.terminate) socket.terminate();
  else socket.close(4000, 'ping timeout');
}

/** What the session emits for a step; at its end, the socket's fate is sealed and the `LinkLostError` thrown. */
function toOutput(state: SessionState): SocketEvent {
  if (state.end) {
    endSocket(state.socket, state.end.ending);
    throw state.end.error;
  }
  return state.out as SocketEvent;
}

/** The frames a socket receives, as signals, ending with how it ended. Shared by the session's readers. */
function inboundSignals(socket$: Observable<unknown>): Observable<SessionSignal> {
  return socket$.pipe(
    map((data): SessionSignal => {
      if (typeof data !== 'string') return { kind: 'binary' };
      return data === PONG ? { kind: 'pong' } : { kind: 'frame', text: data };
    }),
    // A close handshake completed: the server chose to close (1000 on restart, 4xxx, ...), or the link died (1006).
    endWith<SessionSignal>({ kind: 'end', origin: 'peer' }),
    catchError((event: unknown) => {
      const code = (event as { code?: unknown }).code;
      const closeFrame: SessionSignal[] =
        typeof code === 'number' ? [{ kind: 'close-frame', code, reason: String((event as { reason?: unknown }).reason ?? '') }] : [];
      return of<SessionSignal[]>(...closeFrame, { kind: 'end', origin: 'network', cause: errorCause(event) });
    }),
    share(),
  );
}

/** Requests' frames per rate window: the rate limit less the pings' room (0: not paced). */
const pacedLimit = (config: SessionConfig): number =>
  config.rateLimit > 0 ? config.rateLimit - pingsPerWindow(config.keepAlive.pingInterval) : 0;

/** Whatever the server sent proves the link alive: a pong, a frame, even a binary one. */
const isLifeSign = (signal: SessionSignal): boolean => signal.kind === 'pong' || signal.kind === 'frame' || signal.kind === 'binary';
const lifeSign = (signal: SessionSignal): LifeSign => (signal.kind === 'pong' ? 'pong' : 'frame');

/**
 * What runs while the socket is open: the outbound frames written (first, so that those sent on `open` go out on this
 * socket), the `opened` signal, and the keep-alive, which ends the socket when nothing at all comes back.
 */
function whileOpen(
  socket: WebSocketLike,
  socket$: { next(text: string): void },
  inbound$: Observable<SessionSignal>,
  config: SessionConfig,
): Observable<SessionSignal> {
  const write = (text: string) => {
    if (socket.readyState === 1) socket$.next(text);
  };
  return merge(
    // Paced below the rate limit by the room the pings need, which bypass the pacing so that a backlog never delays them.
    config.outbound$.pipe(pace(pacedLimit(config), RATE_WINDOW, config.keepAlive.scheduler), tap(write), ignoreElements()),
    of<SessionSignal>({ kind: 'opened' }),
    keepAlive(() => write(PING), inbound$.pipe(filter(isLifeSign), map(lifeSign)), config.keepAlive).pipe(
      map((ms): SessionSignal => ({ kind: 'latency', ms })),
      catchError((cause: unknown) => of<SessionSignal>({ kind: 'end', origin: 'ping-timeout', cause, ending: { how: 'terminate' } })),
    ),
  );
}

/** A handshake that never completes (a black-holed host) would otherwise leave the client connecting forever. */
function connectTimeout(config: SessionConfig, opens$: Observable<unknown>): Observable<SessionSignal> {
  if (config.connectTimeout <= 0) return EMPTY;
  return timer(config.connectTimeout, config.keepAlive.scheduler).pipe(
    takeUntil(opens$),
    map(() => ({
      kind: 'end',
      origin: 'network',
      cause: new Error(`no handshake within ${config.connectTimeout} ms`),
      ending: { how: 'close', code: NORMAL_CLOSURE, reason: '' },
    })),
  );
}

/** A close asked for on purpose ends the socket with 1000 (and `reopen` as the reason of a reopen). */
/** The device went offline: the link is lost now, not once the keep-alive notices. */
function wentOffline(config: SessionConfig): Observable<SessionSignal> {
  return config.offline$.pipe(
    take(1),
    map((): SessionSignal => ({
      kind: 'end',
      origin: 'network',
      cause: new Error('the device went offline'),
      ending: { how: 'terminate' },
    })),
  );
}

function closeRequested(config: SessionConfig): Observable<SessionSignal> {
  return config.closeRequests$.pipe(
    map((origin): SessionSignal => ({
      kind: 'end',
      origin,
      ending: { how: 'close', code: NORMAL_CLOSURE, reason: origin === 'user' ? '' : origin },
    })),
  );
}

/**
 * One WebSocket, from opening to its end, as a cold Observable: `open`, then every text frame and each ping round
 * trip. It is the `merge` of the socket's streams (inbound frames, keep-alive, connect timeout, close requests,
 * outbound frames) folded by a pure reducer (`reduceSession`); the text frames go out as they come, past the reducer
 * (the first one is all it needs: a sign of life). It never completes: every end of the socket is a `LinkLostError`
 * saying who ended it, so that one reconnection policy handles them all. Unsubscribing closes the socket.
 */
export function socketSession(config: SessionConfig): Observable<SocketEvent> {
  return defer(() => {
    // The callbacks of webSocket() and of the handshake, as streams of this socket.
    const sockets = new ReplaySubject<WebSocketLike>(1);
    const opens = new Subject<Event>();
    const closes = new Subject<CloseEvent>();
    const socket$ = webSocket<unknown>({
      url: config.url,
      WebSocketCtor: handshakeCtor(config.WebSocketCtor, config.headers, (socket) => sockets.next(socket), config.maxPayload),
      serializer: (value) => value as string,
      deserializer: (event) => event.data as unknown,
      openObserver: opens,
      closeObserver: closes,
    });
    const inbound$ = inboundSignals(socket$);
    const context = { resumed: config.resumed, keepAlive: config.keepAlive.pingInterval > 0 };
    const lifecycle$ = merge(
      sockets.pipe(map((socket): SessionSignal => ({ kind: 'socket', socket }))),
      closes.pipe(map((event): SessionSignal => ({ kind: 'close-frame', code: event.code, reason: event.reason }))),
      opens.pipe(
        take(1),
        switchMap(() => sockets.pipe(take(1))),
        switchMap((socket) => whileOpen(socket, socket$, inbound$, config)),
      ),
      inbound$.pipe(filter((signal) => signal.kind !== 'frame')),
      inbound$.pipe(
        filter((signal) => signal.kind === 'frame'),
        take(1),
        map((): SessionSignal => ({ kind: 'pong' })),
      ),
      connectTimeout(config, opens),
      closeRequested(config),
      wentOffline(config),
    ).pipe(
      scan((state: SessionState, signal: SessionSignal) => reduceSession(state, signal, context), INITIAL_SESSION),
      takeWhile((state) => state.end === undefined, true),
      filter((state) => state.end !== undefined || state.out !== undefined),
      map(toOutput),
    );
    const messages$ = inbound$.pipe(
      filter((signal): signal is Extract<SessionSignal, { kind: 'frame' }> => signal.kind === 'frame'),
      map((signal): SocketEvent => ({ type: 'message', text: signal.text })),
    );
    return merge(lifecycle$, messages$);
  });
}
