import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { DatePipe } from '@angular/common';
import type { Notification } from 'kuzzle-rx';
import { injectSubscription, KUZZLE } from 'kuzzle-rx/angular';
import { CHAT, NOTES } from './api';
import { PLAYGROUND_CONFIG } from './config';

/** How many notifications the feed shows: the newest ones. */
const KEEP = 20;

interface FeedEntry {
  readonly notification: Notification;
  readonly collection: string;
  readonly kind: string;
  readonly text: string;
}

function entry(collection: string, notification: Notification): FeedEntry {
  if (notification.type === 'user')
    return { notification, collection, kind: `user ${notification.user}`, text: `${notification.result.count} in the room` };
  const source = notification.result._source ?? {};
  const text = typeof source['message'] === 'string' ? source['message'] : typeof source['text'] === 'string' ? source['text'] : '';
  const id = notification.result._id ? ` ${notification.result._id}` : '';
  return { notification, collection, kind: `${notification.action}${id}`, text };
}

/** Every notification of the two collections, newest first, and where each subscription stands. */
@Component({
  selector: 'pg-notification-feed',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  template: `
    <p class="status">
      @for (room of rooms; track room.collection) {
        <span [class]="room.subscription.status()" [attr.data-testid]="'subscription-' + room.collection"
          >{{ room.collection }}: {{ room.subscription.status() }}</span
        >
      }
    </p>
    <ul data-testid="feed">
      @for (entry of feed(); track entry.notification) {
        <li data-testid="feed-entry">
          <time>{{ entry.notification.timestamp | date: 'HH:mm:ss' }}</time>
          <span class="where">{{ entry.collection }}</span>
          <span class="kind">{{ entry.kind }}</span>
          <span class="text">{{ entry.text }}</span>
        </li>
      } @empty {
        <li class="empty">no notification yet: publish a message or write a document</li>
      }
    </ul>
  `,
  styles: `
    .status {
      display: flex;
      gap: 0.5rem;
      margin: 0 0 0.5rem;
      font-size: 0.75rem;
    }
    .status span {
      padding: 0.1rem 0.45rem;
      border-radius: 4px;
      background: var(--line);
    }
    .live {
      background: var(--ok) !important;
      color: #04210f;
    }
    .pending,
    .restoring {
      background: var(--warn) !important;
      color: #2b1d00;
    }
    .error {
      background: var(--bad) !important;
      color: #fff;
    }
    ul {
      list-style: none;
      padding: 0;
      margin: 0;
      font-size: 0.85rem;
      max-height: 16rem;
      overflow: auto;
    }
    li {
      display: flex;
      gap: 0.5rem;
      padding: 0.25rem 0;
      border-bottom: 1px solid var(--line);
    }
    time {
      color: var(--muted);
      font-variant-numeric: tabular-nums;
    }
    .where {
      color: var(--accent);
    }
    .kind {
      font-family: ui-monospace, monospace;
      font-size: 0.75rem;
      color: var(--muted);
    }
    .empty {
      color: var(--muted);
      font-style: italic;
    }
  `,
})
export class NotificationFeed {
  private readonly kuzzle = inject(KUZZLE);
  private readonly index = inject(PLAYGROUND_CONFIG).index;

  protected readonly rooms = [CHAT, NOTES].map((collection) => ({
    collection,
    subscription: injectSubscription(() => this.kuzzle.realtime.subscribeWithStatus(this.index, collection, {}), { keep: KEEP }),
  }));

  protected readonly feed = computed(() =>
    this.rooms
      .flatMap(({ collection, subscription }) => subscription.notifications().map((notification) => entry(collection, notification)))
      .sort((a, b) => (b.notification.timestamp ?? 0) - (a.notification.timestamp ?? 0))
      .slice(0, KEEP),
  );
}
