import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { DatePipe } from '@angular/common';
import { Connection } from './connection';

/** The connection state, the states it went through, the user, and the client's events. */
@Component({
  selector: 'pg-connection-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  template: `
    <p class="now">
      <span class="badge" [class]="connection.state()" data-testid="state">{{ connection.state() }}</span>
      <span class="user"
        >user: <strong data-testid="user">{{ connection.user() ?? '…' }}</strong></span
      >
    </p>
    <ol class="history" data-testid="state-history" aria-label="states so far">
      @for (change of connection.history(); track change.seq) {
        <li [class]="change.state" [attr.data-seq]="change.seq" [title]="change.at | date: 'HH:mm:ss.SSS'">{{ change.state }}</li>
      }
    </ol>
    <ul class="events" data-testid="events" aria-label="client events, newest first">
      @for (line of connection.events(); track line.seq) {
        <li data-testid="event" [attr.data-seq]="line.seq">
          <time>{{ line.at | date: 'HH:mm:ss' }}</time> <span>{{ line.text }}</span>
        </li>
      }
    </ul>
  `,
  styles: `
    .now {
      display: flex;
      align-items: center;
      gap: 1rem;
      margin: 0 0 0.75rem;
    }
    .badge {
      font-weight: 600;
      padding: 0.2rem 0.7rem;
      border-radius: 999px;
      background: var(--line);
    }
    .history {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem;
      list-style: none;
      padding: 0;
      margin: 0 0 0.75rem;
    }
    .history li {
      font-size: 0.75rem;
      padding: 0.1rem 0.45rem;
      border-radius: 4px;
      background: var(--line);
    }
    .history li:not(:last-child)::after {
      content: ' →';
      color: var(--muted);
    }
    .connected {
      background: var(--ok) !important;
      color: #04210f;
    }
    .reconnecting,
    .connecting {
      background: var(--warn) !important;
      color: #2b1d00;
    }
    .offline {
      background: var(--bad) !important;
      color: #fff;
    }
    .events {
      list-style: none;
      padding: 0;
      margin: 0;
      font-size: 0.8rem;
      max-height: 11rem;
      overflow: auto;
    }
    .events time {
      color: var(--muted);
      font-variant-numeric: tabular-nums;
      margin-right: 0.4rem;
    }
  `,
})
export class ConnectionStatus {
  protected readonly connection = inject(Connection);
}
