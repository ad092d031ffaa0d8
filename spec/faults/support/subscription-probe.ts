import type { Observable, Subscription } from 'rxjs';
import type { Notification } from '../../../src';

/** One realtime subscription of the client under test, and what reached it. */
export class SubscriptionProbe {
  /** The `_id` of every document notification received. */
  readonly ids = new Set<string>();
  /** The length of `_source.pad`, for the documents that carry one. */
  readonly padLengths = new Map<string, number>();
  readonly errors: unknown[] = [];
  completed = false;
  private readonly subscription: Subscription;

  constructor(
    readonly filters: Record<string, unknown>,
    notifications$: Observable<Notification>,
  ) {
    this.subscription = notifications$.subscribe({
      next: (notification) => {
        if (notification.type !== 'document' || typeof notification.result._id !== 'string') return;
        this.ids.add(notification.result._id);
        const pad = notification.result._source?.['pad'];
        if (typeof pad === 'string') this.padLengths.set(notification.result._id, pad.length);
      },
      error: (error: unknown) => this.errors.push(error),
      complete: () => (this.completed = true),
    });
  }

  /** Still delivering: neither errored nor completed. */
  get live(): boolean {
    return this.errors.length === 0 && !this.completed;
  }

  missing(ids: readonly string[]): string[] {
    return ids.filter((id) => !this.ids.has(id));
  }

  stop(): void {
    this.subscription.unsubscribe();
  }
}
