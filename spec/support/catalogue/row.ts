/**
 * One row of the API catalogue: a call of a controller method with its arguments, the server's answer to it, and
 * what the call must emit. The frame-compatibility spec runs each row on kuzzle-rx and on kuzzle-sdk 7 (both on a
 * fake server answering `result`) and compares the frames sent and the values produced; the real-server coverage
 * spec reads the actions the rows send.
 */
export interface CatalogueRow {
  /** The accessor of the controller on the client: `document`, `ms`, ... */
  readonly controller: string;
  /** The method called. */
  readonly method: string;
  /** Its arguments, options last. */
  readonly args: readonly unknown[];
  /** The `result` the fake server answers with (a function: per request frame, for calls that send several). */
  readonly result: unknown;
  /**
   * What the kuzzle-rx call emits: `'sdk'` (the default) = deeply equal to what kuzzle-sdk resolves to, with SDK
   * class instances compared as plain objects; or the expected value itself when it deliberately differs (say why
   * in `differs`).
   */
  readonly emits?: unknown;
  /** Why the value or the frame deliberately differs from the SDK's (required when `emits` or `frameDiffers` is set). */
  readonly differs?: string;
  /** Frame fields that deliberately differ from the SDK's (beyond requestId and volatile, which always do). */
  readonly frameDiffers?: readonly string[];
  /** The call does not complete once answered (a subscription): only what it emitted by then is compared. */
  readonly open?: true;
  /** The SDK has no such method (an action it does not wrap): only kuzzle-rx is run, against `frames`. */
  readonly sdk?: false;
  /** With `sdk: false`: the frames kuzzle-rx must send, without requestId and volatile. */
  readonly frames?: ReadonlyArray<Record<string, unknown>>;
}

/** Result of a fake answer that depends on the frame. */
export type ResultFor = (frame: Record<string, unknown>) => unknown;

export const row = (r: CatalogueRow): CatalogueRow => r;
