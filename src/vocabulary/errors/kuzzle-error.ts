import type { ErrorFrame } from '../frame-schemas';

/** An error as the server sends it (its type inferred from the frame's schema, `frame-schemas.ts`). */
export type KuzzleErrorPayload = ErrorFrame;

/** A request that the server answered with an error: every field of the server's error, untouched. */
export class KuzzleError extends Error {
  override readonly name = 'KuzzleError';
  /** HTTP-like status (400, 401, 404, 500, ...). */
  readonly status: number;
  /** Stable error identifier, e.g. `services.storage.not_found`. */
  readonly id: string | undefined;
  /** Numeric error code. */
  readonly code: number | undefined;
  /** The values that were substituted in the message (strings, or lists of them). */
  readonly props: readonly unknown[];
  /** A partial error's (status 206) failures, one per item that failed; empty otherwise. */
  readonly errors: readonly unknown[];
  /** A partial error's number of failures (0 otherwise). */
  readonly count: number;
  /** The server's stack trace, when the server sends one (development mode). */
  readonly kuzzleStack: string | undefined;

  constructor(payload: KuzzleErrorPayload) {
    super(payload.message);
    this.status = payload.status;
    this.id = payload.id;
    this.code = payload.code;
    this.props = payload.props ?? [];
    this.errors = payload.errors ?? [];
    this.count = payload.count ?? this.errors.length;
    this.kuzzleStack = payload.stack;
    // Both sides of the story in one trace: where the call was made, then where the server failed.
    if (payload.stack) this.stack = `${this.stack ?? `${this.name}: ${this.message}`}\n    --- server stack ---\n${payload.stack}`;
  }
}

export function isKuzzleError(error: unknown): error is KuzzleError {
  return error instanceof KuzzleError;
}
