/**
 * The events a `FakeWebSocket` fires. Node 20 has no global `CloseEvent` nor `MessageEvent`, so these stand in for
 * them, with the fields the client reads.
 */

/** A close event: its code, reason and whether the closing handshake completed. */
export class FakeCloseEvent extends Event implements CloseEvent {
  constructor(
    readonly code: number,
    readonly reason: string,
    readonly wasClean: boolean,
  ) {
    super('close');
  }
}

/** A message event carrying a frame: a text, or an `ArrayBuffer` for a binary frame. */
export class FakeMessageEvent extends Event {
  constructor(readonly data: unknown) {
    super('message');
  }
}

/** An error event shaped like the `ws` package's: the cause in `error`, its text in `message`. */
export class FakeErrorEvent extends Event {
  readonly message: string;
  constructor(readonly error: Error) {
    super('error');
    this.message = error.message;
  }
}
