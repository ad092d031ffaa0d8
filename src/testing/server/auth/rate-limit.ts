import { interval, type Subscription } from 'rxjs';

/**
 * Logins per connection in fixed one-second windows, like the real server's rate limiter (a counter
 * table cleared every second). A limit of 0 means unlimited.
 */
export class LoginRateLimiter {
  private counts = new Map<string, number>();
  private readonly reset: Subscription;

  constructor(private readonly perSecond: number) {
    this.reset = interval(1000).subscribe(() => {
      this.counts = new Map();
    });
  }

  allow(connectionId: string): boolean {
    const count = (this.counts.get(connectionId) ?? 0) + 1;
    this.counts.set(connectionId, count);
    return this.perSecond === 0 || count <= this.perSecond;
  }

  dispose(): void {
    this.reset.unsubscribe();
  }
}
