import type { ProxyDirection, FramePredicate } from './proxied-frame';

/**
 * The faults one connection can be put through; `proxy.all()` offers the same for every connection. Bad arguments
 * throw an `InvalidFaultError` and change nothing.
 */
export interface FaultControls {
  /** Removes every lasting fault (latency, freeze, swallowing, a pending truncation): bytes flow untouched. The default. */
  pass(): this;
  /**
   * Holds what travels `ms` milliseconds before forwarding it (frames, and the bytes of HTTP connections), keeping the
   * order. A number sets both directions; `{ toClient, toServer }` sets those given and leaves the other as it is.
   * @throws {InvalidFaultError} for a negative or non-finite number, or a key that is not a direction.
   */
  latency(ms: number | { readonly toClient?: number; readonly toServer?: number }): this;
  /**
   * A half-open link: nothing is forwarded either way (what arrives is lost), the TCP connections stay open, and a side
   * that goes away is not told to the other. A client only notices through its keep-alive.
   */
  freeze(): this;
  /** Ends a freeze: what arrives from now on is forwarded; a side that went away meanwhile is now ended on the other. */
  thaw(): this;
  /**
   * Drops the frames travelling in `direction` that `predicate` chooses (continuation frames follow their message's
   * first frame); `null` stops swallowing in that direction. One predicate per direction: a new one replaces the old.
   * @throws {InvalidFaultError} for an unknown direction, or a predicate that is neither a function nor null.
   */
  swallow(direction: ProxyDirection, predicate: FramePredicate | null): this;
  /**
   * Forwards only the first `bytes` bytes of the next frame travelling in `direction` (default `'toClient'`), then
   * cuts the connection.
   * @throws {InvalidFaultError} for a negative or fractional byte count, or an unknown direction.
   */
  truncateNext(bytes: number, direction?: ProxyDirection): this;
  /** Destroys both TCP connections at once, without a close frame: the client sees 1006. */
  cut(): void;
  /**
   * Sends the client a close frame with `code` and `reason` (a proper closing handshake: the client sees that code)
   * and closes the server side with the same frame. A connection that is not a WebSocket is simply ended on both sides.
   * @throws {InvalidFaultError} for a code no client accepts (1004-1006, 1015, ...) or a reason over 123 bytes.
   */
  close(code: number, reason?: string): void;
  /**
   * Sends the client one frame it would believe the server sent: text for a string, binary for bytes, any size.
   * Written at once, ahead of frames still held by a latency.
   * @throws {NotAWebSocketError} on a connection that is not an open WebSocket.
   * @throws {InvalidFaultError} for data that is neither a string nor bytes.
   */
  inject(data: string | Uint8Array): this;
}
