/** A fault was asked for with a bad argument (a negative latency, a close code no client accepts, ...). */
export class InvalidFaultError extends Error {
  override readonly name = 'InvalidFaultError';
  constructor(
    /** The control that refused it, e.g. `latency`. */
    readonly fault: string,
    /** The argument at fault, e.g. `ms`. */
    readonly argument: string,
    /** Why it was refused, with the value given. */
    readonly reason: string,
  ) {
    super(`Invalid ${fault}(${argument}): ${reason}`);
  }
}

/** A fault that needs an open WebSocket (`inject`) was asked of a connection that is not one (yet, or any more). */
export class NotAWebSocketError extends Error {
  override readonly name = 'NotAWebSocketError';
  constructor(
    readonly connectionId: number,
    readonly fault: string,
  ) {
    super(`Connection ${connectionId} is not an open WebSocket: cannot ${fault}`);
  }
}
