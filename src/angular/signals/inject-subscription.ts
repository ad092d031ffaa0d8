import { computed, signal, type Signal } from '@angular/core';
import type { Notification, SubscriptionEvent } from 'kuzzle-rx';
import { type Observable, tap } from 'rxjs';
import { helperContext, type InjectorOption } from './context';
import { asError } from './reactive';
import { runLatest } from './run-latest';

/**
 * Where a subscription of `injectSubscription()` stands:
 * - `idle`: no subscription (`request` returned `undefined`);
 * - `pending`: subscribing (with `subscribe()`, which reports no status: until the first notification);
 * - `live`: the server acknowledged it, or a notification arrived;
 * - `restoring`: the link was lost, the subscription is restored on the next socket (`subscribeWithStatus()` only);
 * - `error`: it ended (`SubscriptionLostError`, `TokenExpiredError`, bad arguments, ...): see `error()`.
 */
export type InjectedSubscriptionStatus = 'idle' | 'pending' | 'live' | 'restoring' | 'error';

/** The notifications of a realtime subscription as signals. */
export interface InjectedSubscription<S extends Record<string, unknown> = Record<string, unknown>> {
  /** The latest notification; `undefined` before the first one. */
  readonly latest: Signal<Notification<S> | undefined>;
  /** The latest notifications, oldest first, at most `keep` of them. */
  readonly notifications: Signal<ReadonlyArray<Notification<S>>>;
  readonly status: Signal<InjectedSubscriptionStatus>;
  /** Why the subscription ended; `undefined` while it lasts. */
  readonly error: Signal<Error | undefined>;
}

/** Options of `injectSubscription()`. */
export interface InjectSubscriptionOptions extends InjectorOption {
  /** How many of the latest notifications `notifications()` holds. 0 keeps none (only `latest()`). @default 20 */
  readonly keep?: number;
}

interface Received<S extends Record<string, unknown>> {
  /** The subscription these are of. */
  readonly request: Observable<SubscriptionEvent<S>> | undefined;
  readonly status: InjectedSubscriptionStatus;
  readonly notifications: ReadonlyArray<Notification<S>>;
  readonly error: Error | undefined;
}

const start = <S extends Record<string, unknown>>(request: Observable<SubscriptionEvent<S>> | undefined): Received<S> => ({
  request,
  status: request === undefined ? 'idle' : 'pending',
  notifications: [],
  error: undefined,
});

function next<S extends Record<string, unknown>>(received: Received<S>, event: SubscriptionEvent<S>, keep: number): Received<S> {
  if (event.type === 'status') return { ...received, status: event.state };
  const kept = keep > 0 ? [...received.notifications, event].slice(-keep) : [event];
  // A notification is delivered only to a subscription the server acknowledged.
  return { ...received, status: received.status === 'pending' ? 'live' : received.status, notifications: kept };
}

/**
 * A realtime subscription for as long as the component (the injector) lives, as signals: `latest()`, the last
 * `notifications()` (`keep` of them), `status()` and `error()`. Subscribes once the view (or the injector) starts,
 * subscribes again (after unsubscribing) whenever a signal read by `request` changes, and unsubscribes when the
 * injector is destroyed (its `DestroyRef`). `request` may return `realtime.subscribe(...)` or, to see its status,
 * `realtime.subscribeWithStatus(...)`; `undefined` subscribes to nothing. A new subscription starts with no
 * notification. Never subscribes during server-side rendering.
 *
 * A subscription that ends sets `status()` to `'error'` and `error()` to why: the errors `realtime.subscribe()` lists
 * (`SubscriptionLostError`, `TokenExpiredError`, `KuzzleError`, `InvalidRequestError` for bad arguments).
 *
 * @throws {Error} synchronously, Angular's `NG0203` when called outside an injection context without `options.injector`,
 * or `NG0201` (no provider for `KUZZLE`) when the application has no `provideKuzzle()`.
 *
 * @example The messages of the room the user is in
 * ```ts
 * type Message = { room: string; author: string; text: string };
 *
 * @Component({
 *   selector: 'app-chat',
 *   template: `
 *     @if (messages.status() !== 'live') {
 *       <p>{{ messages.status() }}…</p>
 *     }
 *     @for (n of messages.notifications(); track $index) {
 *       @if (n.type === 'document') {
 *         <p>{{ n.result._source?.author }}: {{ n.result._source?.text }}</p>
 *       }
 *     }
 *   `,
 * })
 * export class ChatComponent {
 *   private readonly kuzzle = inject(KUZZLE);
 *   readonly room = input.required<string>();
 *   readonly messages = injectSubscription(
 *     () => this.kuzzle.realtime.subscribeWithStatus<Message>('chat', 'messages', { equals: { room: this.room() } }, { scope: 'in' }),
 *     { keep: 50 },
 *   );
 * }
 * ```
 */
export function injectSubscription<S extends Record<string, unknown> = Record<string, unknown>>(
  request: () => Observable<SubscriptionEvent<S>> | undefined,
  options?: InjectSubscriptionOptions,
): InjectedSubscription<S> {
  const { injector, onServer } = helperContext(injectSubscription, options);
  const keep = options?.keep ?? 20;
  const current = computed(request);
  const received = signal<Received<S>>(start(undefined));
  runLatest(injector, current, (events) => {
    received.set(start(events));
    if (onServer) return undefined;
    return events.pipe(
      tap({
        next: (event) => received.update((before) => next(before, event, keep)),
        error: (error: unknown) => received.update((before) => ({ ...before, status: 'error', error: asError(error) })),
      }),
    );
  });
  // Arguments just changed, the new subscription not started yet: it is pending, with nothing received.
  const state = computed((): Received<S> => {
    const asked = current();
    const got = received();
    return got.request === asked ? got : start(asked);
  });
  const notifications = computed(() => state().notifications);
  return {
    latest: computed(() => notifications().at(-1)),
    notifications: computed(() => (keep > 0 ? notifications() : [])),
    status: computed(() => state().status),
    error: computed(() => state().error),
  };
}
