import { defer, from, type Observable, of, throwError } from 'rxjs';
import { InvalidOptionError } from '../vocabulary/errors/client-errors';
import type { WebSocketCtor, WebSocketLike } from './options';

type CtorWithOptions = new (
  url: string,
  protocols: string | string[] | undefined,
  options?: { headers: Record<string, string>; maxPayload?: number },
) => WebSocket;

let nodeCtor: Promise<WebSocketCtor> | undefined;
/** Constructors known to take `ws`'s options (`headers`, `maxPayload`) as their third argument. */
const TAKES_WS_OPTIONS = new WeakSet<object>();

function isNode(): boolean {
  const candidate = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof candidate?.versions?.node === 'string';
}

/**
 * The default constructor: `ws` in Node (loaded lazily, so it never reaches a browser bundle; Node's own global
 * WebSocket ignores handshake headers), the global `WebSocket` elsewhere. An injected constructor always wins.
 */
export function resolveWebSocketCtor(injected: WebSocketCtor | undefined): Observable<WebSocketCtor> {
  if (injected) return of(injected);
  if (isNode()) {
    nodeCtor ??= import('ws').then((module) => {
      TAKES_WS_OPTIONS.add(module.WebSocket);
      return module.WebSocket as unknown as WebSocketCtor;
    });
    return from(nodeCtor);
  }
  return defer(() => {
    const global = (globalThis as { WebSocket?: WebSocketCtor }).WebSocket;
    if (typeof global === 'function') return of(global);
    return throwError(() => new InvalidOptionError('WebSocketProtocol.WebSocketCtor', 'this runtime has no global WebSocket: pass one'));
  });
}

/**
 * Wraps a constructor so that rxjs's `webSocket()` (which calls `new Ctor(url, protocol)`) opens sockets with our
 * handshake headers and hands us each raw socket, needed to close with a code or to terminate a dead link.
 */
export function handshakeCtor(
  Base: WebSocketCtor,
  headers: Record<string, string>,
  capture: (socket: WebSocketLike) => void,
  maxPayload?: number,
): WebSocketCtor {
  const WithOptions = Base as unknown as CtorWithOptions;
  const withHeaders = Object.keys(headers).length > 0;
  // `ws` gets its frame size limit too; other constructors get headers only when there are some.
  const wsOptions = TAKES_WS_OPTIONS.has(Base) && maxPayload !== undefined ? { headers, maxPayload } : undefined;
  return class HandshakeWebSocket extends WithOptions {
    constructor(url: string, protocols?: string | string[]) {
      if (wsOptions) super(url, protocols, wsOptions);
      else if (withHeaders) super(url, protocols, { headers });
      else super(url, protocols);
      capture(this as unknown as WebSocketLike);
    }
  } as unknown as WebSocketCtor;
}
