import WebSocket from 'ws';
import { EmbeddedKuzzleServer, type EmbeddedServerOptions } from '../../../src/testing';

export type Frame = Record<string, unknown>;

/** A bare `ws` client for exercising a Kuzzle-protocol server frame by frame. */
export class WsClient {
  /** Every text frame received, in order. */
  readonly texts: string[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly waiters = new Set<() => void>();
  private counter = 0;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.texts.push(data.toString());
      for (const wake of this.waiters) wake();
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const wake of this.waiters) wake();
      });
    });
    socket.on('error', () => undefined);
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<WsClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      socket.once('open', () => resolve(new WsClient(socket)));
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    });
  }

  get frames(): Frame[] {
    return this.texts.flatMap((text) => {
      try {
        return [JSON.parse(text) as Frame];
      } catch {
        return [];
      }
    });
  }

  send(frame: string | Frame): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Sends a request and resolves with its response (the frame whose `room` is its request id). */
  async request(frame: Frame, timeoutMs = 5000): Promise<Frame> {
    const requestId =
      typeof frame['requestId'] === 'string' ? frame['requestId'] : `rq-${++this.counter}-${Math.random().toString(36).slice(2)}`;
    this.send({ ...frame, requestId });
    return this.next((candidate) => candidate['room'] === requestId, timeoutMs);
  }

  /** Resolves with the first frame (already received or to come) matching `predicate`. */
  next(predicate: (frame: Frame) => boolean, timeoutMs = 5000, from = 0): Promise<Frame> {
    return this.waitFor(() => this.frames.slice(from).find(predicate), timeoutMs);
  }

  /** Resolves once `text` has been received as an exact frame. */
  nextText(text: string, timeoutMs = 5000): Promise<string> {
    return this.waitFor(() => this.texts.find((candidate) => candidate === text), timeoutMs);
  }

  close(): void {
    this.socket.close();
  }

  private waitFor<T>(find: () => T | undefined, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const found = find();
        if (found !== undefined) {
          cleanup();
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching frame within ${timeoutMs} ms; received:\n${this.texts.join('\n')}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `condition` holds, polling every 10 ms. */
export async function eventually(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

/** An embedded server started before each test, and a way to open clients that are closed after it. */
export interface ServerFixture {
  /** The server of the running test. */
  readonly server: EmbeddedKuzzleServer;
  /** Opens a client on the server (with handshake `headers`); it is closed after the test. */
  readonly open: (headers?: Record<string, string>) => Promise<WsClient>;
}

/** Registers the hooks that start an embedded server with `options` before each test and stop it after. */
export function serverFixture(options?: EmbeddedServerOptions): ServerFixture {
  let current: EmbeddedKuzzleServer | undefined;
  const clients: WsClient[] = [];
  beforeEach(async () => {
    current = await EmbeddedKuzzleServer.start(options);
  });
  afterEach(async () => {
    clients.splice(0).forEach((client) => client.close());
    await current?.stop();
    current = undefined;
  });
  const fixture: ServerFixture = {
    get server(): EmbeddedKuzzleServer {
      if (!current) throw new Error('serverFixture: no test is running');
      return current;
    },
    open: async (headers) => {
      const client = await WsClient.open(fixture.server.url, headers);
      clients.push(client);
      return client;
    },
  };
  return fixture;
}
