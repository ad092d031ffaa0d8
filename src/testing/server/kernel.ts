import { randomBytes } from 'node:crypto';
import type { Subscription } from 'rxjs';
import { LoginRateLimiter } from './auth/rate-limit';
import { TokenLinks } from './auth/token-links';
import { ServerTokens, type TokenEvent } from './auth/tokens';
import { UserStore } from './auth/users';
import { ConnectionRegistry } from './connections';
import { DocumentStore } from './documents/store';
import type { ResolvedServerOptions } from './options';
import { TOKEN_EXPIRED_FRAME } from './realtime/notifications';
import { RealtimeEngine } from './realtime/engine';

/**
 * The server's state. Users, tokens and documents outlive a restart; connections, subscriptions and
 * token links do not (they belong to sockets).
 */
export class Kernel {
  readonly users: UserStore;
  readonly tokens = new ServerTokens();
  readonly documents = new DocumentStore();
  readonly connections = new ConnectionRegistry();
  readonly links = new TokenLinks();
  readonly startedAt = Date.now();
  logins: LoginRateLimiter;
  realtime: RealtimeEngine;
  private readonly seed = randomBytes(32);
  private readonly tokenEvents: Subscription;

  constructor(readonly options: ResolvedServerOptions) {
    this.users = new UserStore(options.users, this.startedAt);
    this.logins = new LoginRateLimiter(options.loginsPerSecond);
    this.realtime = new RealtimeEngine(this.seed, this.connections);
    this.tokenEvents = this.tokens.events$.subscribe((event) => this.onTokenEvent(event));
  }

  /** A WebSocket closed: its subscriptions go (others in its rooms are told), and so does its token link. */
  disconnect(connectionId: string): void {
    this.realtime.removeConnection(connectionId);
    this.links.unlink(connectionId);
    this.connections.remove(connectionId);
  }

  /** After every socket died in a restart: forget everything that belonged to them. */
  resetSessions(): void {
    this.connections.clear();
    this.links.clear();
    this.logins.dispose();
    this.logins = new LoginRateLimiter(this.options.loginsPerSecond);
    this.realtime = new RealtimeEngine(this.seed, this.connections);
  }

  dispose(): void {
    this.tokenEvents.unsubscribe();
    this.tokens.dispose();
    this.logins.dispose();
  }

  /**
   * Mirrors the real token manager: an expired token is announced to every connection that used it,
   * which then loses its subscriptions; a revoked token (logout) silently takes the subscriptions of
   * the other connections that used it; a refreshed token hands its connections to its successor.
   */
  private onTokenEvent(event: TokenEvent): void {
    if (event.type === 'refreshed') {
      this.links.transfer(event.from, event.to);
      return;
    }
    for (const connectionId of this.links.release(event.jwt)) {
      if (event.type === 'expired') {
        this.connections.send(connectionId, TOKEN_EXPIRED_FRAME);
      }
      this.realtime.removeConnection(connectionId);
    }
  }
}
