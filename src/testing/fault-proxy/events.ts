import type { ProxiedConnection } from './proxied-connection';

/** What happens to a proxy's connections, on `proxy.events$`. */
export type FaultProxyEvent =
  /** A connection was accepted and is being forwarded. */
  | { readonly type: 'opened'; readonly connection: ProxiedConnection }
  /** Its WebSocket handshake completed: faults that need a WebSocket (`inject`, `close`) now apply. */
  | { readonly type: 'upgraded'; readonly connection: ProxiedConnection }
  /** Both of its sockets have closed. */
  | { readonly type: 'closed'; readonly connectionId: number }
  /** A connection was turned away while refusing; `refused` counts them since the start. */
  | { readonly type: 'refused'; readonly refused: number };
