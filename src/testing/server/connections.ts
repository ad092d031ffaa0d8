import type { Protocol } from './request';

/** Whatever a request came through: a WebSocket session, or a one-shot HTTP exchange. */
export interface ClientConnection {
  readonly id: string;
  readonly protocol: Protocol;
  /** Pushes a text frame (notifications); a no-op for HTTP, which cannot push. */
  send(text: string): void;
}

/** The open WebSocket connections, by id, so notifications can reach them. */
export class ConnectionRegistry {
  private readonly connections = new Map<string, ClientConnection>();

  add(connection: ClientConnection): void {
    this.connections.set(connection.id, connection);
  }

  remove(connectionId: string): void {
    this.connections.delete(connectionId);
  }

  send(connectionId: string, text: string): void {
    this.connections.get(connectionId)?.send(text);
  }

  clear(): void {
    this.connections.clear();
  }
}
