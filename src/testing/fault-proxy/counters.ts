import type { ProxyDirection } from './proxied-frame';

/** What a proxy has done since it started. */
export interface FaultProxyCounters {
  /** TCP connections accepted and forwarded (WebSocket and plain HTTP): a client's reconnection attempts show here. */
  readonly accepted: number;
  /** Connections turned away while refusing. */
  readonly refused: number;
  /** Connections whose WebSocket handshake completed. */
  readonly upgraded: number;
  /** Frames forwarded, per direction. */
  readonly forwarded: Readonly<Record<ProxyDirection, number>>;
  /** Frames dropped (swallowed, or lost to a freeze), per direction. */
  readonly dropped: Readonly<Record<ProxyDirection, number>>;
  /** Frames injected to clients. */
  readonly injected: number;
}

/** The proxy's own, mutable tally, handed to its connections. */
export interface Tally {
  accepted: number;
  refused: number;
  upgraded: number;
  forwarded: Record<ProxyDirection, number>;
  dropped: Record<ProxyDirection, number>;
  injected: number;
}

export const newTally = (): Tally => ({
  accepted: 0,
  refused: 0,
  upgraded: 0,
  forwarded: { toClient: 0, toServer: 0 },
  dropped: { toClient: 0, toServer: 0 },
  injected: 0,
});

export const snapshot = (tally: Tally): FaultProxyCounters =>
  Object.freeze({ ...tally, forwarded: Object.freeze({ ...tally.forwarded }), dropped: Object.freeze({ ...tally.dropped }) });
