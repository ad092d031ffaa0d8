import { randomBytes } from 'node:crypto';
import { Subject, timer, type Observable, type Subscription } from 'rxjs';
import { kerror } from '../errors';
import { signToken } from './jwt';

/** An authentication token as the server knows it. `expiresAt` and `ttl` are -1 for a token that never expires. */
export interface TokenRecord {
  readonly jwt: string;
  readonly userId: string;
  readonly expiresAt: number;
  readonly ttl: number;
  /** Set once refreshed: a refreshed token cannot be refreshed again and only lives through its grace period. */
  refreshed: boolean;
}

/**
 * What happened to a token, for the connections that used it: `expired` (its ttl ran out, or
 * `expireToken()`), `revoked` (logout) or `refreshed` (replaced by another token).
 */
export type TokenEvent =
  | { readonly type: 'expired'; readonly jwt: string }
  | { readonly type: 'revoked'; readonly jwt: string }
  | { readonly type: 'refreshed'; readonly from: string; readonly to: string };

/** How long a refreshed token stays valid, so requests already sent with it still pass (real server: 1 s). */
export const REFRESH_GRACE_MS = 1000;

/** Timers overflow above this delay (a signed 32-bit count of ms) and would fire at once. */
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

export class ServerTokens {
  private readonly secret = randomBytes(32).toString('hex');
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly evictions = new Map<string, Subscription>();
  private readonly eventsSubject = new Subject<TokenEvent>();
  readonly events$: Observable<TokenEvent> = this.eventsSubject.asObservable();

  create(userId: string, ttl: number): TokenRecord {
    const now = Date.now();
    const jwt = signToken(this.secret, userId, now, ttl);
    const record: TokenRecord = { jwt, userId, expiresAt: ttl < 0 ? -1 : now + ttl, ttl, refreshed: false };
    this.tokens.set(jwt, record);
    if (ttl >= 0) {
      this.scheduleEviction(jwt, record.expiresAt, 'expired');
    }
    return record;
  }

  /** The token behind `jwt`, or `security.token.invalid` (the real server's answer for unknown and expired tokens alike). */
  verify(jwt: string): TokenRecord {
    const record = this.tokens.get(jwt);
    if (record === undefined || (record.expiresAt >= 0 && record.expiresAt <= Date.now())) {
      throw kerror('security.token.invalid');
    }
    return record;
  }

  /**
   * Issues a new token and lets the old one die after the grace period. When both are the same string
   * (refresh within the second of issue), the real server lets that string die too: so does this one.
   */
  refresh(old: TokenRecord, ttl: number): TokenRecord {
    if (old.refreshed) {
      throw kerror('security.token.invalid');
    }
    if (old.ttl < 0) {
      throw kerror('security.token.refresh_forbidden', 'Token with infinite TTL');
    }
    const fresh = this.create(old.userId, ttl);
    const doomed = this.tokens.get(old.jwt);
    if (doomed !== undefined) {
      doomed.refreshed = true;
      this.scheduleEviction(old.jwt, Date.now() + REFRESH_GRACE_MS, null);
    }
    if (fresh.jwt !== old.jwt) {
      this.eventsSubject.next({ type: 'refreshed', from: old.jwt, to: fresh.jwt });
    }
    return fresh;
  }

  revoke(jwt: string): void {
    if (this.evict(jwt)) {
      this.eventsSubject.next({ type: 'revoked', jwt });
    }
  }

  revokeAllOf(userId: string): void {
    for (const record of this.tokens.values()) {
      if (record.userId === userId) {
        this.revoke(record.jwt);
      }
    }
  }

  /** Ends a token now, with the consequences of a natural expiry. */
  expire(jwt: string): void {
    if (this.evict(jwt)) {
      this.eventsSubject.next({ type: 'expired', jwt });
    }
  }

  dispose(): void {
    for (const eviction of this.evictions.values()) {
      eviction.unsubscribe();
    }
    this.evictions.clear();
    this.eventsSubject.complete();
  }

  private evict(jwt: string): boolean {
    this.evictions.get(jwt)?.unsubscribe();
    this.evictions.delete(jwt);
    return this.tokens.delete(jwt);
  }

  /** `event` null: a silent eviction (end of a grace period), which the real server does not notify. */
  private scheduleEviction(jwt: string, at: number, event: 'expired' | null): void {
    this.evictions.get(jwt)?.unsubscribe();
    const delay = Math.max(0, at - Date.now());
    const eviction = timer(Math.min(delay, MAX_TIMER_DELAY_MS)).subscribe(() => {
      if (Date.now() < at) {
        this.scheduleEviction(jwt, at, event);
      } else if (event === null) {
        this.evict(jwt);
      } else {
        this.expire(jwt);
      }
    });
    this.evictions.set(jwt, eviction);
  }
}
