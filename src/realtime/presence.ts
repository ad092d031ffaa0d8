import { EMPTY, filter, map, type Observable, type ObservableInput, switchMap } from 'rxjs';
import type { UserNotification } from '../vocabulary/notifications';
import type { SubscriptionEvent, SubscriptionStatus } from '../vocabulary/subscription-status';
import type { Presence } from './types';

/**
 * Presence from a subscription with statuses (subscribed with `users: 'all'`): emits the count fetched with `count`
 * each time the subscription is live (its first acknowledgement and every restoration, since joins and leaves while
 * the link was down were never notified), and the count each join or leave notification carries. Completes when
 * `events$` does, and errors with its error or with a fetch's (`realtime.presence()` documents which).
 *
 * Whatever comes next cancels a fetch still in flight: a new status, or a join or leave. Such a notification reached
 * this subscription after it was live, so its count is at least as recent as the one being fetched, which the server
 * may have counted before that join but answered after it.
 */
export function presenceOf(events$: Observable<SubscriptionEvent>, count: (roomId: string) => Observable<number>): Observable<Presence> {
  return events$.pipe(
    filter((event): event is SubscriptionStatus | UserNotification => event.type !== 'document'),
    switchMap((event): ObservableInput<Presence> => {
      if (event.type === 'user') return [{ count: event.result.count, event: { user: event.user, volatile: event.volatile ?? null } }];
      return event.state === 'live' ? count(event.roomId).pipe(map((n) => ({ count: n }))) : EMPTY;
    }),
  );
}
