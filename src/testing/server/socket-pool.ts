import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Subject } from 'rxjs';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ConnectionEvent, FrameEvent } from './events';
import type { Faults } from './faults';
import { flattenHeaders } from './headers';
import type { Kernel } from './kernel';
import { WebSocketSession } from './websocket';

const REFUSED_UPGRADE = 'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n';

/** The WebSocket side of the server: upgrades, live sessions, and their open/close and frame streams. */
export class SocketPool {
  readonly frames = new Subject<FrameEvent>();
  readonly connectionEvents = new Subject<ConnectionEvent>();
  private readonly sessions = new Set<WebSocketSession>();
  private readonly closed = new Map<WebSocketSession, Promise<void>>();
  // RFC pings are answered by the sessions themselves, so that a frozen server stays silent.
  private readonly wss = new WebSocketServer({ noServer: true, autoPong: false });

  constructor(
    private readonly kernel: Kernel,
    private readonly faults: Faults,
  ) {}

  /** Sessions whose socket is open right now. */
  open(): WebSocketSession[] {
    return [...this.sessions].filter((session) => session.isOpen);
  }

  all(): Iterable<WebSocketSession> {
    return this.sessions;
  }

  upgrade(incoming: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => undefined);
    if (this.faults.refusingConnections) {
      socket.end(REFUSED_UPGRADE);
      return;
    }
    this.wss.handleUpgrade(incoming, socket, head, (ws) => this.accept(ws, incoming));
  }

  /** Terminates every socket, including those still in a close handshake, and waits until all are gone. */
  async terminateAll(): Promise<void> {
    const closing = [...this.closed.values()];
    for (const session of this.sessions) {
      session.terminate();
    }
    await Promise.all(closing);
  }

  dispose(): void {
    this.wss.close();
    this.frames.complete();
    this.connectionEvents.complete();
  }

  private accept(ws: WebSocket, incoming: IncomingMessage): void {
    const headers = flattenHeaders(incoming.headers);
    const session = new WebSocketSession(ws, headers, { kernel: this.kernel, faults: this.faults, frames: this.frames });
    this.sessions.add(session);
    this.kernel.connections.add(session);
    ws.on('error', () => undefined);
    const closed = new Promise<void>((resolve) => {
      ws.on('close', (code) => {
        this.sessions.delete(session);
        this.closed.delete(session);
        session.dispose();
        this.kernel.disconnect(session.id);
        this.connectionEvents.next({ type: 'close', connectionId: session.id, headers, code });
        resolve();
      });
    });
    this.closed.set(session, closed);
    this.connectionEvents.next({ type: 'open', connectionId: session.id, headers });
  }
}
