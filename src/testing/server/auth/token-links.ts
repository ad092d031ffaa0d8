/**
 * Which WebSocket connections used which token, like the real server's token manager: a connection is
 * linked to the last non-anonymous token it authenticated with, so that token's expiry can be
 * notified to it. HTTP requests are never linked.
 */
export class TokenLinks {
  private readonly tokenByConnection = new Map<string, string>();
  private readonly connectionsByToken = new Map<string, Set<string>>();

  link(jwt: string, connectionId: string): void {
    if (this.tokenByConnection.get(connectionId) === jwt) {
      return;
    }
    this.unlink(connectionId);
    this.tokenByConnection.set(connectionId, jwt);
    const connections = this.connectionsByToken.get(jwt) ?? new Set<string>();
    connections.add(connectionId);
    this.connectionsByToken.set(jwt, connections);
  }

  unlink(connectionId: string): void {
    const jwt = this.tokenByConnection.get(connectionId);
    if (jwt === undefined) {
      return;
    }
    this.tokenByConnection.delete(connectionId);
    const connections = this.connectionsByToken.get(jwt);
    connections?.delete(connectionId);
    if (connections?.size === 0) {
      this.connectionsByToken.delete(jwt);
    }
  }

  tokenOf(connectionId: string): string | undefined {
    return this.tokenByConnection.get(connectionId);
  }

  /** Forgets a token and returns the connections that were linked to it. */
  release(jwt: string): string[] {
    const connections = [...(this.connectionsByToken.get(jwt) ?? [])];
    for (const connectionId of connections) {
      this.unlink(connectionId);
    }
    return connections;
  }

  /** A refreshed token hands its connections over to its successor. */
  transfer(from: string, to: string): void {
    for (const connectionId of this.release(from)) {
      this.link(to, connectionId);
    }
  }

  clear(): void {
    this.tokenByConnection.clear();
    this.connectionsByToken.clear();
  }
}
