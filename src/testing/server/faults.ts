/**
 * The fault switches tests flip. A plain mutable record on purpose: every layer reads the current
 * value at the moment it acts (a frame arrives, a response leaves, an upgrade comes in).
 */
export class Faults {
  /** false: `{"p":1}` gets no `{"p":2}`. */
  answerPings = true;
  /** true: incoming frames are ignored (no pong, no processing), nothing is sent, sockets stay open. */
  frozen = false;
  /** Delay before each response leaves (pongs and notifications are not delayed); 0: none. */
  responseDelayMs = 0;
  /** true: WebSocket upgrades are answered 503 while existing sockets live on. */
  refusingConnections = false;
  /** Frames a socket may send per second of the server's clock, pings included (websocket `rateLimit`); 0: no limit. */
  rateLimit = 0;
}
