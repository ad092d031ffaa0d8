import { randomUUID } from 'node:crypto';
import { timer, type Subject, type Subscription } from 'rxjs';
import { WebSocket, type RawData } from 'ws';
import type { ClientConnection } from './connections';
import { kerror, toErrorData } from './errors';
import type { FrameEvent } from './events';
import type { Faults } from './faults';
import { orphanErrorFrame, PONG_FRAME, responseFrame } from './frames';
import { execute } from './funnel';
import { isJsonObject, type JsonValue } from './json';
import type { Kernel } from './kernel';
import { requestFromFrame } from './frame-request';
import type { HeaderMap } from './request';

export interface SessionDeps {
  readonly kernel: Kernel;
  readonly faults: Faults;
  readonly frames: Subject<FrameEvent>;
}

function byteLengthOf(data: RawData): number {
  return Array.isArray(data) ? data.reduce((sum, part) => sum + part.length, 0) : data.byteLength;
}

function textOf(data: RawData): string {
  if (Array.isArray(data)) {
    return Buffer.concat(data).toString('utf8');
  }
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(new Uint8Array(data)).toString('utf8');
}

/** The application ping: exactly `{"p":1}`; `{"p":1}` with any other key is an ordinary (invalid) request. */
function isPing(parsed: unknown): boolean {
  return isJsonObject(parsed) && parsed['p'] === 1 && Object.keys(parsed).length === 1;
}

/** The request id to echo when a frame cannot become a request: the client's if it gave one. */
function echoedRequestId(parsed: unknown): JsonValue {
  const given = isJsonObject(parsed) ? parsed['requestId'] : undefined;
  return given === undefined || given === null || given === '' || given === 0 || given === false ? randomUUID() : given;
}

/** One WebSocket client: decodes its frames, runs its requests, sends its answers and notifications. */
export class WebSocketSession implements ClientConnection {
  readonly id = randomUUID();
  readonly protocol = 'websocket';
  /** When the client last sent anything (frame, ping or pong): what the idle timeout measures. */
  lastReceivedAt = Date.now();
  private readonly delayed = new Set<Subscription>();
  /** Set once a frame was over `maxRequestSize`: the socket is being destroyed and nothing more of it is read. */
  private refused = false;
  /** The second of the server's clock this socket's frames are counted in, and how many came in it. */
  private rateWindow = { second: 0, frames: 0 };

  constructor(
    private readonly socket: WebSocket,
    readonly headers: HeaderMap,
    private readonly deps: SessionDeps,
  ) {
    socket.on('message', (data) => this.onFrame(data));
    // RFC 6455 pings are answered by hand so that a frozen server can stay silent.
    socket.on('ping', (data) => {
      this.lastReceivedAt = Date.now();
      if (!deps.faults.frozen) {
        socket.pong(data);
      }
    });
    socket.on('pong', () => {
      this.lastReceivedAt = Date.now();
    });
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  send(text: string): void {
    if (this.deps.faults.frozen || !this.isOpen) {
      return;
    }
    this.socket.send(text);
    this.deps.frames.next({ connectionId: this.id, direction: 'out', text });
  }

  close(code: number, reason?: string): void {
    this.socket.close(code, reason);
  }

  /** Destroys the TCP connection without a close frame: the client sees 1006. */
  terminate(): void {
    this.socket.terminate();
  }

  dispose(): void {
    for (const pending of this.delayed) {
      pending.unsubscribe();
    }
    this.delayed.clear();
  }

  private respond(text: string): void {
    const delay = this.deps.faults.responseDelayMs;
    if (delay <= 0) {
      this.send(text);
      return;
    }
    const pending = timer(delay).subscribe(() => {
      this.delayed.delete(pending);
      this.send(text);
    });
    this.delayed.add(pending);
  }

  /**
   * Like the real server (uWebSockets' `maxPayloadLength` set to `server.maxRequestSize`): a frame over the limit
   * destroys the connection at once, no close frame, no error response, and neither it nor what follows it on the
   * socket is processed. It is still reported in `frames$`, as received.
   */
  private onFrame(data: RawData): void {
    if (this.refused) return;
    const limit = this.deps.kernel.options.maxRequestSize;
    if (limit > 0 && byteLengthOf(data) > limit) {
      this.refused = true;
      this.lastReceivedAt = Date.now();
      this.deps.frames.next({ connectionId: this.id, direction: 'in', text: textOf(data) });
      this.terminate();
      return;
    }
    this.receive(textOf(data));
  }

  private receive(text: string): void {
    this.lastReceivedAt = Date.now();
    this.deps.frames.next({ connectionId: this.id, direction: 'in', text });
    if (this.deps.faults.frozen) {
      return;
    }
    if (this.overRateLimit()) {
      this.respond(orphanErrorFrame(kerror('network.websocket.ratelimit_exceeded').data, randomUUID()));
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.respond(orphanErrorFrame(kerror('network.websocket.unexpected_error', message).data, randomUUID()));
      return;
    }
    if (parsed === null) {
      // The real server's frame handler throws on `null` before answering: no answer ever comes.
      return;
    }
    if (isPing(parsed)) {
      if (this.deps.faults.answerPings) {
        this.send(PONG_FRAME);
      }
      return;
    }
    this.handle(parsed);
  }

  /** Counts this frame in the current second; true when it is over the rate limit (then it is not processed). */
  private overRateLimit(): boolean {
    const limit = this.deps.faults.rateLimit;
    if (limit <= 0) return false;
    const second = Math.floor(Date.now() / 1000);
    this.rateWindow = second === this.rateWindow.second ? { second, frames: this.rateWindow.frames + 1 } : { second, frames: 1 };
    return this.rateWindow.frames > limit;
  }

  private handle(parsed: unknown): void {
    let request;
    try {
      request = requestFromFrame(parsed, this.headers);
    } catch (error) {
      this.respond(orphanErrorFrame(toErrorData(error), echoedRequestId(parsed)));
      return;
    }
    const { outcome } = execute(this.deps.kernel, request, this);
    this.respond(responseFrame(request, outcome));
  }
}
