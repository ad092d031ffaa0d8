import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Connection } from './connection';
import { ConnectionStatus } from './connection-status';
import { ControlPanel } from './control-panel';
import { LatencyChart } from './latency-chart';
import { NotesTable } from './notes-table';
import { NotificationFeed } from './notification-feed';
import { PLAYGROUND_CONFIG } from './config';

@Component({
  selector: 'pg-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ConnectionStatus, ControlPanel, LatencyChart, NotesTable, NotificationFeed],
  template: `
    <header>
      <h1>kuzzle-rx <span>web playground</span></h1>
      <p class="server">
        {{ config.kuzzle.kind }} Kuzzle server at ws://{{ config.kuzzle.host }}:{{ config.kuzzle.port }} · index {{ config.index }} · cookie
        authentication
      </p>
    </header>
    <main>
      <section class="controls">
        <h2>Try it</h2>
        <pg-control-panel />
      </section>
      <section>
        <h2>Connection</h2>
        <pg-connection-status />
      </section>
      <section>
        <h2>Ping latency</h2>
        <pg-latency-chart [points]="connection.latency()" />
      </section>
      <section>
        <h2>Live query</h2>
        <pg-notes-table />
      </section>
      <section>
        <h2>Notifications</h2>
        <pg-notification-feed />
      </section>
    </main>
  `,
  styles: `
    :host {
      display: block;
      max-width: 1200px;
      margin: 0 auto;
      padding: 1rem 1.25rem 2rem;
    }
    header {
      margin-bottom: 1rem;
    }
    h1 {
      margin: 0;
      font-size: 1.4rem;
    }
    h1 span {
      color: var(--muted);
      font-weight: 400;
    }
    .server {
      margin: 0.25rem 0 0;
      color: var(--muted);
      font-size: 0.85rem;
    }
    main {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 1rem;
    }
    section {
      background: var(--panel);
      border: 1px solid var(--line);
      border-radius: 10px;
      padding: 0.9rem 1rem;
    }
    .controls {
      grid-column: 1 / -1;
    }
    h2 {
      margin: 0 0 0.6rem;
      font-size: 0.8rem;
      text-transform: uppercase;
      letter-spacing: 0.06em;
      color: var(--muted);
    }
    @media (max-width: 800px) {
      main {
        grid-template-columns: minmax(0, 1fr);
      }
    }
  `,
})
export class App {
  protected readonly config = inject(PLAYGROUND_CONFIG);
  protected readonly connection = inject(Connection);
}
