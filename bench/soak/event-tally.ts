import type { Subscription } from 'rxjs';
import type { Kuzzle, KuzzleEvent } from '../../src';

/** What `events$` said, counted by type (a disconnection by its origin: `disconnected network`). */
export class EventTally {
  private readonly counts = new Map<string, number>();
  private readonly subscription: Subscription;

  constructor(kuzzle: Kuzzle) {
    this.subscription = kuzzle.events$.subscribe((event) => {
      const key = keyOf(event);
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    });
  }

  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Every count whose key starts with `prefix`, as `network 6, server 6`. */
  text(prefix: string): string {
    const parts = [...this.counts]
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, n]) => `${key.slice(prefix.length).trim() || key} ${n}`);
    return parts.length > 0 ? parts.join(', ') : 'none';
  }

  stop(): void {
    this.subscription.unsubscribe();
  }
}

function keyOf(event: KuzzleEvent): string {
  if (event.type === 'disconnected') return `disconnected ${event.origin}`;
  if (event.type === 'discarded') return `discarded ${event.reason}`;
  if (event.type === 'dropped') return `dropped ${event.reason}`;
  return event.type;
}
