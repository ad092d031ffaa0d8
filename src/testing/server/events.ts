/** A text frame crossing a WebSocket, in either direction. */
export interface FrameEvent {
  readonly connectionId: string;
  /** 'in': received from the client (reported even while frozen); 'out': actually sent. */
  readonly direction: 'in' | 'out';
  readonly text: string;
}

/** A WebSocket opening or closing, with the headers of its upgrade request. */
export interface ConnectionEvent {
  readonly type: 'open' | 'close';
  readonly connectionId: string;
  /** Upgrade request headers, names lower-cased. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** Close code as the server saw it (1006 when the TCP connection died without a close frame). */
  readonly code?: number;
}
