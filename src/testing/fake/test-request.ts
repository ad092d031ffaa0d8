import type { KuzzleErrorPayload } from 'kuzzle-rx';
import type { FakeWebSocket } from './fake-web-socket';
import { describeRequest } from './request-match';
import type { SentFrame } from './response-frames';

/** An error response, as a test writes it: what the server's error object has, each field but `message` optional. */
export interface TestError {
  /** The error's text. */
  readonly message: string;
  /** HTTP-like status. @default 500 */
  readonly status?: number;
  /** Stable error identifier, e.g. `services.storage.not_found`. @default undefined */
  readonly id?: string;
  /** Numeric error code. @default undefined */
  readonly code?: number;
  /** The values substituted in the message. @default undefined */
  readonly props?: readonly unknown[];
}

/** What a test request tells the backend that received it. */
export interface RequestHost {
  /** The request was answered with `result` (not an error). */
  answered(request: TestRequest, result: unknown): void;
  /** The roomId and channel to acknowledge a `realtime:subscribe` with. */
  subscriptionIds(request: TestRequest): { readonly roomId: string; readonly channel: string };
}

/**
 * One request the client sent to the testing backend, which a test answers once: `respond(result)` or
 * `fail(error)`. Answering on a connection that has closed since (the link dropped, the client disconnected) throws:
 * the server could not answer either, and a read-only request is sent again on the next connection as a new one.
 */
export class TestRequest {
  private done = false;

  /** Built by the backend as the request arrives. */
  constructor(
    /** The request as it was sent, parsed: `controller`, `action`, `requestId`, `volatile` and its arguments. */
    readonly request: SentFrame,
    /** The connection it came on. */
    readonly socket: FakeWebSocket,
    private readonly host: RequestHost,
  ) {}

  /** `controller:action`. */
  get action(): string {
    return `${String(this.request['controller'])}:${String(this.request['action'])}`;
  }

  /** Whether it was answered (by the test, or by the backend itself). */
  get answered(): boolean {
    return this.done;
  }

  /** Whether its connection is still open, so that it can still be answered. */
  get connectionOpen(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  /**
   * Answers with `result` (what the client's method unwraps: `{ _id, _source, _version }` for `document:get`,
   * `{ now }` for `server:now`, ...).
   */
  respond(result: unknown, status = 200): void {
    this.settle('respond()');
    this.socket.respond(this.request, result, status);
    this.host.answered(this, result);
  }

  /** Answers with an error response: the client's call errors with a `KuzzleError` carrying these fields. */
  fail(error: TestError): void {
    this.settle('fail()');
    const payload: KuzzleErrorPayload = { ...error, status: error.status ?? 500 };
    this.socket.respondError(this.request, payload);
  }

  /**
   * Acknowledges a `realtime:subscribe` the way the server does, with the roomId its filters share and a channel of
   * its own; from then on, notifications pushed to it reach the client. Emits nothing, returns the ids.
   */
  acknowledge(): { readonly roomId: string; readonly channel: string } {
    if (this.action !== 'realtime:subscribe') throw new Error(`acknowledge(): ${this.action} is not a realtime:subscribe request`);
    const ids = this.host.subscriptionIds(this);
    this.respond(ids);
    return ids;
  }

  private settle(what: string): void {
    if (this.done) throw new Error(`${what}: ${describeRequest(this.request)} was already answered`);
    if (!this.connectionOpen) {
      throw new Error(`${what}: the connection ${describeRequest(this.request)} came on is closed, so the server cannot answer it`);
    }
    this.done = true;
  }
}
