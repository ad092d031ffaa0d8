import { type ApplicationRef, Component, computed, type EnvironmentProviders, inject, NgZone, type Provider, signal } from '@angular/core';
import {
  injectConnectionState,
  injectLatency,
  injectLiveQuery,
  injectPresence,
  injectSubscription,
  injectWatchedDocuments,
  KUZZLE,
  kuzzleResource,
  provideKuzzle,
} from '../../../src/angular';

/** The documents the dashboard lists and the messages it receives. */
export interface Item {
  readonly title: string;
  readonly rank: number;
}
export interface Message {
  readonly text: string;
}

/** Where the page's client connects and what it shows: from the page's query string. */
export interface DashboardTarget {
  readonly port: number;
  readonly index: string;
  readonly collection: string;
  /** The collection of the chat messages (published, not stored) and of the presence. */
  readonly room: string;
}

export function targetFromLocation(): DashboardTarget {
  const query = new URLSearchParams(location.search);
  const get = (name: string): string => query.get(name) ?? '';
  return { port: Number(get('port')), index: get('index'), collection: get('collection'), room: get('room') };
}

/** What the page exposes to the spec once bootstrapped. */
export interface DashboardWindow {
  dashboard: InstanceType<typeof Dashboard>;
  appRef: ApplicationRef;
  /** Every text `#state` showed, in order. */
  stateHistory: string[];
}

const TARGET = targetFromLocation();

/** A component using every helper: what the spec reads back is what a user would see. */
export const Dashboard = Component({
  selector: 'app-root',
  template: `<p id="state">{{ state() }}</p>
    <p id="latency">{{ latency() === undefined ? 'none' : 'measured' }}</p>
    <p id="doc">{{ doc.status() }} {{ doc.value()?._source?.title }}</p>
    <p id="chat">{{ chat.status() }} {{ message() }}</p>
    <p id="chat-count">{{ chat.notifications().length }}</p>
    <p id="items-status">{{ items().status }}</p>
    <ul id="items">
      @for (item of items().documents; track item._id) {
        <li>{{ item._source.title }}</li>
      }
    </ul>
    <p id="watched">{{ watched().status }} {{ watchedTitle() }}</p>
    <p id="presence">{{ presence()?.count }}</p>`,
})(
  class Dashboard {
    readonly zone = inject(NgZone);
    readonly kuzzle = inject(KUZZLE);
    readonly docId = signal('a');
    readonly minRank = signal(0);

    readonly state = injectConnectionState();
    readonly latency = injectLatency();
    readonly doc = kuzzleResource(() => this.kuzzle.document.get<Item>(TARGET.index, TARGET.collection, this.docId()));
    readonly chat = injectSubscription<Record<string, unknown> & Message>(
      () => this.kuzzle.realtime.subscribeWithStatus<Record<string, unknown> & Message>(TARGET.index, TARGET.room, {}),
      { keep: 5 },
    );
    readonly message = computed(() => {
      const latest = this.chat.latest();
      return latest?.type === 'document' ? (latest.result._source?.text ?? '') : '';
    });
    readonly items = injectLiveQuery<Item>(TARGET.index, TARGET.collection, () => ({ range: { rank: { gte: this.minRank() } } }), {
      sort: 'rank',
    });
    readonly watched = injectWatchedDocuments<Item>(TARGET.index, TARGET.collection, () => [this.docId()]);
    readonly watchedTitle = computed(() => this.watched().documents.get(this.docId())?._source.title ?? '-');
    readonly presence = injectPresence(TARGET.index, TARGET.room);

    constructor() {
      (window as unknown as DashboardWindow).dashboard = this;
    }
  },
);

/** The client, with a short keep-alive so that pings run while the spec waits for stability. */
export const dashboardProviders = (): Array<Provider | EnvironmentProviders> => [
  provideKuzzle({
    host: '127.0.0.1',
    protocol: { port: TARGET.port, pingInterval: 300, reconnectionDelay: 100, maxReconnectionDelay: 500 },
  }),
];

/** Records every text `#state` shows, and hands the application to the spec. */
export function exposeApp(appRef: ApplicationRef): void {
  const w = window as unknown as DashboardWindow;
  w.appRef = appRef;
  const state = document.querySelector('#state');
  w.stateHistory = [state?.textContent?.trim() ?? ''];
  if (state) {
    new MutationObserver(() => w.stateHistory.push(state.textContent?.trim() ?? '')).observe(state, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  }
}
