import type { Page } from 'playwright-core';
import { firstValueFrom } from 'rxjs';
import type { Kuzzle } from '../../src';
import { client, startTarget, uniqueName, type Target } from '../support/targets';
import type { DashboardWindow, Item } from './angular/dashboard';
import { bundlePage } from './angular/bundle';
import { appPage, startPages, type PageServer } from './angular/pages';
import { pageErrors, showing, textsOf } from './angular/view';
import { hasChromium, launchBrowser, type Browser } from './support/browser';

/** What the page says of its zone and its stability. */
interface Stability {
  readonly stable: boolean;
  readonly state: string;
  readonly pendingMacrotasks: boolean;
}

describe.runIf(hasChromium())('Angular helpers in Chromium, under the real zone.js', () => {
  let target: Target;
  let browser: Browser;
  let pages: PageServer;
  let writer: Kuzzle;
  let page: Page;
  let errors: string[];
  let pings = 0;
  const index = uniqueName('ngzone');
  const collection = 'items';
  const room = 'chat';

  beforeAll(async () => {
    [target, browser, pages] = await Promise.all([startTarget('embedded'), launchBrowser(), startPages()]);
    pages.serve('/', appPage('zone.js'));
    pages.serve('/app.js', { type: 'text/javascript', body: await bundlePage('zone-page.ts') });
    target.embedded?.frames$.subscribe((frame) => {
      if (frame.direction === 'in' && frame.text === '{"p":1}') pings += 1;
    });
    writer = client(target);
    await firstValueFrom(writer.connect());
    await firstValueFrom(writer.index.create(index));
    await firstValueFrom(writer.collection.create(index, collection));
    await firstValueFrom(writer.document.create<Item>(index, collection, { title: 'alpha', rank: 1 }, 'a', { refresh: 'wait_for' }));
    page = await browser.context.newPage();
    errors = pageErrors(page);
    await page.goto(`${pages.origin}/?port=${target.port}&index=${index}&collection=${collection}&room=${room}`);
  });
  afterAll(async () => {
    writer?.disconnect();
    await page?.close();
    await browser?.close();
    await pages?.close();
    await target?.stop();
  });

  it('runs in the Angular zone of zone.js, loaded first', async () => {
    await page.waitForFunction(() => (window as unknown as Partial<DashboardWindow>).appRef !== undefined);
    expect(await page.evaluate(() => typeof (globalThis as { Zone?: unknown }).Zone)).toBe('function');
    const zoneName = await page.evaluate(() => {
      const { zone } = (window as unknown as DashboardWindow).dashboard;
      return zone.run(() => (globalThis as unknown as { Zone: { current: { name: string } } }).Zone.current.name);
    });
    expect(zoneName).toBe('angular');
  });

  it('becomes stable with the client connected, while the keep-alive pings every 300 ms', async () => {
    await showing(page, '#state', 'connected');
    await showing(page, '#doc', 'resolved alpha');
    await showing(page, '#items-status', 'live');
    const before = pings;
    // whenStable() waits for the zone (no macrotask pending: the keep-alive's timers are set outside it) and for
    // Angular's pending tasks (none once the request answered). It must resolve while the pings go on.
    const stability = await page.evaluate(async (): Promise<Stability> => {
      const w = window as unknown as DashboardWindow;
      const stable = await Promise.race([
        w.appRef.whenStable().then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000)),
      ]);
      // Keep watching for a second: the pings' work enters the zone, and it must leave it stable again.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const stillStable = await Promise.race([
        w.appRef.whenStable().then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1000)),
      ]);
      return {
        stable: stable && stillStable,
        state: document.querySelector('#state')?.textContent?.trim() ?? '',
        pendingMacrotasks: w.dashboard.zone.hasPendingMacrotasks,
      };
    });
    expect(stability).toEqual({ stable: true, state: 'connected', pendingMacrotasks: false });
    expect(pings - before).toBeGreaterThanOrEqual(3);
    await showing(page, '#latency', 'measured');
  });

  it('shows a notification, the live query and the watched document updated by the zone after each write', async () => {
    await showing(page, '#chat', 'live');
    await firstValueFrom(writer.realtime.publish(index, room, { text: 'in the zone' }));
    await showing(page, '#chat', 'live in the zone');
    await firstValueFrom(writer.document.create<Item>(index, collection, { title: 'beta', rank: 2 }, 'b'));
    await page.waitForFunction(() => document.querySelectorAll('#items li').length === 2);
    expect(await textsOf(page, '#items li')).toEqual(['alpha', 'beta']);
    await firstValueFrom(writer.document.update<Item>(index, collection, 'a', { title: 'alpha 2' }));
    await showing(page, '#watched', 'live alpha 2');
    expect(errors).toEqual([]);
  });
});
