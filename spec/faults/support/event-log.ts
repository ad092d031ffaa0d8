import type { Subscription } from 'rxjs';
import type { ConnectionState, DiscardReason, Kuzzle, KuzzleEvent } from '../../../src';
import { until } from './within';

/** Something observed, and when (ms, `Date.now()`). */
export interface Stamped<T> {
  readonly at: number;
  readonly value: T;
}

type EventOf<T extends KuzzleEvent['type']> = Extract<KuzzleEvent, { type: T }>;

/**
 * What `events$` and `state$` said, with the time of each. Discarded frames are only counted, per reason: a flood
 * of them must not be retained by the log itself.
 */
export class EventLog {
  readonly events: Array<Stamped<KuzzleEvent>> = [];
  readonly states: Array<Stamped<ConnectionState>> = [];
  readonly discarded = new Map<DiscardReason, number>();
  private readonly subscriptions: Subscription[];

  constructor(kuzzle: Kuzzle) {
    this.subscriptions = [
      kuzzle.events$.subscribe((event) => {
        if (event.type === 'discarded') this.discarded.set(event.reason, (this.discarded.get(event.reason) ?? 0) + 1);
        else this.events.push({ at: Date.now(), value: event });
      }),
      kuzzle.state$.subscribe((state) => this.states.push({ at: Date.now(), value: state })),
    ];
  }

  /** The events of one type, from `since` on. */
  ofType<T extends KuzzleEvent['type']>(type: T, since = 0): Array<Stamped<EventOf<T>>> {
    return this.events.filter((event): event is Stamped<EventOf<T>> => event.value.type === type && event.at >= since);
  }

  /** The first event of that type at or after `since`, waited for up to `ms`. */
  async next<T extends KuzzleEvent['type']>(type: T, since: number, ms: number): Promise<Stamped<EventOf<T>>> {
    await until(() => this.ofType(type, since).length > 0, ms, `a "${type}" event`);
    return this.ofType(type, since)[0] as Stamped<EventOf<T>>;
  }

  /** The `n`-th event of that type at or after `since` (1-based), waited for up to `ms`. */
  async nth<T extends KuzzleEvent['type']>(type: T, n: number, since: number, ms: number): Promise<Stamped<EventOf<T>>> {
    await until(() => this.ofType(type, since).length >= n, ms, `${n} "${type}" events`);
    return this.ofType(type, since)[n - 1] as Stamped<EventOf<T>>;
  }

  discardedFor(reason: DiscardReason): number {
    return this.discarded.get(reason) ?? 0;
  }

  stop(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }
}
