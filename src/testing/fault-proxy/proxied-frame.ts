/** Which way a frame travels through the proxy: from the server to the client, or from the client to the server. */
export type ProxyDirection = 'toClient' | 'toServer';

/** The kind of a WebSocket frame, from its opcode. */
export type FrameType = 'text' | 'binary' | 'continuation' | 'close' | 'ping' | 'pong' | 'unknown';

/** A WebSocket frame as the proxy read it, handed to swallow predicates. */
export interface ProxiedFrame {
  readonly direction: ProxyDirection;
  readonly type: FrameType;
  /** The last frame of its message (always true for the unfragmented frames Kuzzle servers and clients send). */
  readonly fin: boolean;
  /** The payload, unmasked. */
  readonly payload: Uint8Array;
  /**
   * The payload decoded as UTF-8 when the frame carries text (a text frame, or a continuation of a text message);
   * `undefined` for binary and control frames.
   */
  readonly text: string | undefined;
}

/** Chooses frames, e.g. those a connection swallows: `(frame) => frame.text === '{"p":2}'`. */
export type FramePredicate = (frame: ProxiedFrame) => boolean;
