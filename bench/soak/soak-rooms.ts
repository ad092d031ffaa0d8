import { count, filter, firstValueFrom, Subscription, take, timeout } from 'rxjs';
import type { Kuzzle } from '../../src';
import type { NotificationLedger } from './notification-ledger';

/**
 * The soak's subscriptions: one per slot, `{ equals: { slot } }`, each held from the start to the end. Each counts
 * what it should not see (another slot's document), hands the write numbers to the ledger, and notes the probe of its
 * slot (a last write per slot, at the end: is every subscription still delivering?).
 */
export class SoakRooms {
  /** Subscriptions that errored: none should, they ride through reconnections. */
  errors = 0;
  /** Notifications of another slot's document. */
  misrouted = 0;
  notifications = 0;
  private readonly probed: Uint8Array;
  private readonly held = new Subscription();

  constructor(
    private readonly kuzzle: Kuzzle,
    private readonly index: string,
    private readonly collection: string,
    readonly slots: number,
    private readonly ledger: NotificationLedger,
  ) {
    this.probed = new Uint8Array(slots);
  }

  /** Subscribes every slot; resolves once the server acknowledged them all. */
  async open(): Promise<void> {
    const acknowledged = firstValueFrom(
      this.kuzzle.events$.pipe(
        filter((event) => event.type === 'subscribed' && event.index === this.index),
        take(this.slots),
        count(),
        timeout(30_000),
      ),
    );
    for (let slot = 0; slot < this.slots; slot++) {
      const notifications$ = this.kuzzle.realtime.subscribe(this.index, this.collection, { equals: { slot } });
      this.held.add(
        notifications$.subscribe({
          next: (notification) => {
            this.notifications++;
            if (notification.type !== 'document') return;
            const source = notification.result._source ?? {};
            if (source['slot'] !== slot) this.misrouted++;
            else if (source['probe'] === true) this.probed[slot] = 1;
            else this.ledger.notified(source['w']);
          },
          error: () => this.errors++,
        }),
      );
    }
    await acknowledged;
  }

  /** Writes one probe per slot; resolves with how many subscriptions received theirs within `ms`. */
  async probe(ms: number): Promise<number> {
    this.probed.fill(0);
    await Promise.all(
      Array.from({ length: this.slots }, (_, slot) =>
        firstValueFrom(this.kuzzle.document.create(this.index, this.collection, { slot, probe: true })),
      ),
    );
    const until = Date.now() + ms;
    while (this.probedCount() < this.slots && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    return this.probedCount();
  }

  close(): void {
    this.held.unsubscribe();
  }

  private probedCount(): number {
    return this.probed.reduce((sum, seen) => sum + seen, 0);
  }
}
