import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { KUZZLE } from 'kuzzle-rx/angular';
import { defer, finalize, map, type Observable } from 'rxjs';
import { CHAT, NOTES, type Note, type ServerControl } from './api';
import { PLAYGROUND_CONFIG } from './config';
import { ServerControls } from './server-controls';

type Action = 'login' | 'publish' | 'write' | ServerControl;

interface Button {
  readonly action: Action;
  readonly label: string;
  /** Why the button cannot act; absent when it can. */
  readonly unavailable?: string;
}

/** The buttons, and what the last one did. */
@Component({
  selector: 'pg-control-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="buttons">
      @for (button of buttons; track button.action) {
        <button
          type="button"
          [attr.data-testid]="button.action"
          [disabled]="busy() !== null || !!button.unavailable"
          (click)="run(button.action)"
        >
          {{ button.label }}
          @if (button.unavailable) {
            <small>{{ button.unavailable }}</small>
          }
        </button>
      }
    </div>
    <p class="outcome" [class.failed]="outcome().failed" [attr.data-seq]="outcome().seq" data-testid="outcome" aria-live="polite">
      {{ outcome().text }}
    </p>
  `,
  styles: `
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    button {
      font: inherit;
      padding: 0.45rem 0.9rem;
      border-radius: 6px;
      border: 1px solid var(--line);
      background: var(--panel-2);
      color: var(--fg);
      cursor: pointer;
    }
    button:hover:not(:disabled) {
      border-color: var(--accent);
    }
    button:disabled {
      cursor: default;
      opacity: 0.55;
    }
    small {
      display: block;
      font-size: 0.7rem;
      color: var(--muted);
    }
    .outcome {
      margin: 0.6rem 0 0;
      min-height: 1.2em;
      font-size: 0.9rem;
      color: var(--muted);
    }
    .failed {
      color: var(--bad);
    }
  `,
})
export class ControlPanel {
  private readonly kuzzle = inject(KUZZLE);
  private readonly config = inject(PLAYGROUND_CONFIG);
  private readonly controls = inject(ServerControls);
  private readonly destroyRef = inject(DestroyRef);
  private written = 0;
  private published = 0;

  protected readonly busy = signal<Action | null>(null);
  /** What the last action did; `seq` counts the actions done. */
  protected readonly outcome = signal({ seq: 0, text: 'ready', failed: false });

  protected readonly buttons: readonly Button[] = [
    { action: 'login', label: `Log in as ${this.config.user.username}` },
    { action: 'publish', label: 'Publish a message' },
    { action: 'write', label: 'Write a document' },
    { action: 'freeze', label: 'Freeze the link', unavailable: this.config.unavailable.freeze },
    { action: 'restart', label: 'Restart the server', unavailable: this.config.unavailable.restart },
  ];

  protected run(action: Action): void {
    this.busy.set(action);
    const seq = this.outcome().seq + 1;
    this.outcome.update((last) => ({ ...last, text: `${action}…`, failed: false }));
    this.perform(action)
      .pipe(
        finalize(() => this.busy.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (text) => this.outcome.set({ seq, text, failed: false }),
        error: (error: unknown) =>
          this.outcome.set({ seq, text: `${action} failed: ${error instanceof Error ? error.message : String(error)}`, failed: true }),
      });
  }

  private perform(action: Action): Observable<string> {
    const { index, user } = this.config;
    switch (action) {
      case 'login':
        // In cookie mode the token goes to an HttpOnly cookie, and the socket is reopened to carry it.
        return this.kuzzle.auth.login('local', { ...user }, '1h').pipe(map((result) => `logged in as ${result._id}`));
      case 'publish':
        return defer(() => {
          const message = `hello #${++this.published}`;
          return this.kuzzle.realtime.publish(index, CHAT, { message }).pipe(map(() => `published "${message}"`));
        });
      case 'write':
        return defer(() => {
          const note: Note = { text: `note #${++this.written}`, writtenAt: Date.now() };
          return this.kuzzle.document.create(index, NOTES, note).pipe(map((document) => `wrote "${note.text}" as ${document._id}`));
        });
      default:
        return this.controls.run(action);
    }
  }
}
