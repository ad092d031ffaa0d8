import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { DatePipe } from '@angular/common';
import { injectLiveQuery } from 'kuzzle-rx/angular';
import { NOTES, type Note } from './api';
import { PLAYGROUND_CONFIG } from './config';

/** How many notes the table shows: the newest ones. */
const ROWS = 8;

/** The newest notes, kept current by a live query (`document.watch`). */
@Component({
  selector: 'pg-notes-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  template: `
    <p class="meta">
      <span class="status" [class]="notes().status" data-testid="notes-status">{{ notes().status }}</span>
      <span data-testid="notes-total">{{ notes().total }} in {{ collection }}</span>
      @if (notes.error(); as error) {
        <span class="error">stopped: {{ error.message }}</span>
      }
    </p>
    <table>
      <thead>
        <tr>
          <th>_id</th>
          <th>text</th>
          <th>written</th>
        </tr>
      </thead>
      <tbody>
        @for (note of notes().documents; track note._id) {
          <tr data-testid="note-row">
            <td class="id">{{ note._id }}</td>
            <td>{{ note._source.text }}</td>
            <td>{{ note._source.writtenAt | date: 'HH:mm:ss' }}</td>
          </tr>
        } @empty {
          <tr>
            <td colspan="3" class="empty">no notes yet: write a document</td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .meta {
      display: flex;
      gap: 0.75rem;
      align-items: center;
      margin: 0 0 0.5rem;
      color: var(--muted);
      font-size: 0.85rem;
    }
    .status {
      padding: 0.1rem 0.5rem;
      border-radius: 4px;
      background: var(--line);
      color: var(--fg);
    }
    .live {
      background: var(--ok);
      color: #04210f;
    }
    .resyncing,
    .loading {
      background: var(--warn);
      color: #2b1d00;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.85rem;
    }
    th,
    td {
      text-align: left;
      padding: 0.3rem 0.4rem;
      border-bottom: 1px solid var(--line);
    }
    th {
      color: var(--muted);
      font-weight: 500;
    }
    .id {
      font-family: ui-monospace, monospace;
      font-size: 0.75rem;
      color: var(--muted);
    }
    .empty {
      color: var(--muted);
      font-style: italic;
    }
    .error {
      color: var(--bad);
    }
  `,
})
export class NotesTable {
  protected readonly collection = NOTES;
  private readonly index = inject(PLAYGROUND_CONFIG).index;

  protected readonly notes = injectLiveQuery<Note>(this.index, NOTES, {}, { sort: { writtenAt: 'desc' }, size: ROWS });
}
