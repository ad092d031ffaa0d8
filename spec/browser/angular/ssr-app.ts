import {
  type ApplicationConfig,
  type ApplicationRef,
  Component,
  inject,
  InjectionToken,
  provideZonelessChangeDetection,
} from '@angular/core';
import { bootstrapApplication, provideClientHydration } from '@angular/platform-browser';
import { injectConnectionState, injectLiveQuery, KUZZLE, kuzzleResource, provideKuzzle } from '../../../src/angular';

/** The app of the server-side rendering specs: a live list, rendered on the server and handed over to the browser. */
export interface Item {
  readonly title: string;
  readonly rank: number;
}

/** Where the app's client connects, and the collection it lists. */
export interface SsrTarget {
  readonly port: number;
  readonly index: string;
  readonly collection: string;
}

export const SSR_TARGET = new InjectionToken<SsrTarget>('the SSR spec target');

/** The transferKey of the app's list. */
export const TRANSFER_KEY = 'items';

export const ListComponent = Component({
  selector: 'app-root',
  template: `<p id="state">{{ state() }}</p>
    <p id="count">{{ count.status() }} {{ count.value() }}</p>
    <p id="status">{{ items().status }}</p>
    <p id="total">{{ items().total }}</p>
    <ul id="items">
      @for (item of items().documents; track item._id) {
        <li>{{ item._source.title }}</li>
      }
    </ul>`,
})(
  class ListComponent {
    readonly target = inject(SSR_TARGET);
    readonly kuzzle = inject(KUZZLE);
    readonly state = injectConnectionState();
    readonly count = kuzzleResource(() => this.kuzzle.document.count(this.target.index, this.target.collection));
    readonly items = injectLiveQuery<Item>(this.target.index, this.target.collection, {}, { sort: 'rank', transferKey: TRANSFER_KEY });
  },
);

/** The browser's and the server's common configuration; the server adds its rendering providers. */
export function appConfig(target: SsrTarget, connectOnCreate?: boolean): ApplicationConfig {
  return {
    providers: [
      provideZonelessChangeDetection(),
      provideClientHydration(),
      { provide: SSR_TARGET, useValue: target },
      provideKuzzle({
        host: '127.0.0.1',
        protocol: { port: target.port, reconnectionDelay: 200 },
        ...(connectOnCreate === undefined ? {} : { connectOnCreate }),
      }),
    ],
  };
}

/**
 * Bootstraps the list. `context` is what `renderApplication()` hands over on the server (Angular 20.3 and later
 * require it; earlier versions pass none): passed on as it comes.
 */
export function bootstrapList(config: ApplicationConfig, ...context: unknown[]): Promise<ApplicationRef> {
  return (bootstrapApplication as (...args: unknown[]) => Promise<ApplicationRef>)(ListComponent, config, ...context);
}
