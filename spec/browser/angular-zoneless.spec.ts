import type { Page } from 'playwright-core';
import { filter, firstValueFrom } from 'rxjs';
import type { Kuzzle } from '../../src';
import type { FrameEvent } from '../../src/testing';
import { client, startTarget, uniqueName, type Target } from '../support/targets';
import type { DashboardWindow, Item } from './angular/dashboard';
import { bundlePage } from './angular/bundle';
import { appPage, startPages, type PageServer } from './angular/pages';
import { pageErrors, showing, textOf, textsOf } from './angular/view';
import { hasChromium, launchBrowser, type Browser } from './support/browser';

/** What the spec reads of a frame. */
interface Frame {
  readonly action?: string;
  readonly status?: number;
  readonly result?: { readonly roomId?: string };
  readonly body?: { readonly roomId?: string };
}

/** Runs `fn` in the page with its `DashboardWindow`. */
const inPage = <R>(page: Page, fn: (w: DashboardWindow) => R): Promise<R> => page.evaluate(`(${fn.toString()})(window)`) as Promise<R>;

describe.runIf(hasChromium())('Angular helpers in Chromium, zoneless (provideZonelessChangeDetection, no zone.js)', () => {
  let target: Target;
  let browser: Browser;
  let pages: PageServer;
  let writer: Kuzzle;
  let page: Page;
  let errors: string[];
  const frames: FrameEvent[] = [];
  const index = uniqueName('ngzoneless');
  const collection = 'items';
  const room = 'chat';

  beforeAll(async () => {
    [target, browser, pages] = await Promise.all([startTarget('embedded'), launchBrowser(), startPages()]);
    pages.serve('/', appPage('zoneless'));
    pages.serve('/app.js', { type: 'text/javascript', body: await bundlePage('zoneless-page.ts') });
    target.embedded?.frames$.subscribe((frame) => frames.push(frame));
    writer = client(target);
    await firstValueFrom(writer.connect());
    await firstValueFrom(writer.index.create(index));
    await firstValueFrom(writer.collection.create(index, collection));
    await firstValueFrom(writer.document.create<Item>(index, collection, { title: 'alpha', rank: 1 }, 'a', { refresh: 'wait_for' }));
    await firstValueFrom(writer.document.create<Item>(index, collection, { title: 'beta', rank: 2 }, 'b', { refresh: 'wait_for' }));
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

  it('runs without zone.js', async () => {
    await showing(page, '#state', 'connected');
    expect(await page.evaluate(() => typeof (globalThis as { Zone?: unknown }).Zone)).toBe('undefined');
  });

  it('shows the connection state, the request result, the live query, the watched document and the presence', async () => {
    await showing(page, '#state', 'connected');
    await showing(page, '#doc', 'resolved alpha');
    await showing(page, '#items-status', 'live');
    expect(await textsOf(page, '#items li')).toEqual(['alpha', 'beta']);
    await showing(page, '#watched', 'live alpha');
    await showing(page, '#chat', 'live');
    await showing(page, '#presence', /^\d+$/);
    await showing(page, '#latency', 'measured');
  });

  it('shows each notification as it arrives, and keeps the latest ones', async () => {
    await showing(page, '#chat', 'live');
    await firstValueFrom(writer.realtime.publish(index, room, { text: 'hello' }));
    await showing(page, '#chat', 'live hello');
    await firstValueFrom(writer.realtime.publish(index, room, { text: 'world' }));
    await showing(page, '#chat', 'live world');
    expect(await textOf(page, '#chat-count')).toBe('2');
  });

  it('updates the live query and the watched document after each write', async () => {
    await firstValueFrom(writer.document.create<Item>(index, collection, { title: 'gamma', rank: 0 }, 'c'));
    await page.waitForFunction(() => document.querySelectorAll('#items li').length === 3);
    expect(await textsOf(page, '#items li')).toEqual(['gamma', 'alpha', 'beta']);
    await firstValueFrom(writer.document.update<Item>(index, collection, 'a', { title: 'alpha 2' }));
    await showing(page, '#watched', 'live alpha 2');
    await page.waitForFunction(() => document.querySelector('#items li:nth-child(2)')?.textContent?.trim() === 'alpha 2');
    await firstValueFrom(writer.document.delete(index, collection, 'c'));
    await page.waitForFunction(() => document.querySelectorAll('#items li').length === 2);
    expect(await textsOf(page, '#items li')).toEqual(['alpha 2', 'beta']);
    // A request is not live: it shows what it got until reloaded.
    expect(await textOf(page, '#doc')).toBe('resolved alpha');
    expect(await inPage(page, (w) => w.dashboard.doc.reload())).toBe(true);
    await showing(page, '#doc', 'resolved alpha 2');
  });

  it('runs the request, the watch and the query again when a signal they read changes', async () => {
    await inPage(page, (w) => w.dashboard.docId.set('b'));
    await showing(page, '#doc', 'resolved beta');
    await showing(page, '#watched', 'live beta');
    await inPage(page, (w) => w.dashboard.minRank.set(2));
    await page.waitForFunction(() => document.querySelectorAll('#items li').length === 1);
    expect(await textsOf(page, '#items li')).toEqual(['beta']);
    await showing(page, '#items-status', 'live');
    await inPage(page, (w) => w.dashboard.docId.set('nope'));
    await showing(page, '#doc', /^error/);
    await showing(page, '#watched', 'live -');
  });

  it('shows who joins and leaves the room', async () => {
    await showing(page, '#presence', /^\d+$/);
    const before = Number(await textOf(page, '#presence'));
    const visitor = client(target);
    await firstValueFrom(visitor.connect());
    const joined = visitor.realtime.subscribe(index, room, {}, { users: 'all', scope: 'none' }).subscribe();
    await showing(page, '#presence', String(before + 1));
    joined.unsubscribe();
    visitor.disconnect();
    await showing(page, '#presence', String(before));
  });

  it('shows the link lost and restored, then notifications again on the restored subscription', async () => {
    await showing(page, '#state', 'connected');
    const shown = (await inPage(page, (w) => w.stateHistory)).length;
    target.embedded?.dropAll();
    await page.waitForFunction((shown) => {
      const history = (window as unknown as DashboardWindow).stateHistory.slice(shown);
      return history.includes('reconnecting') && history.at(-1) === 'connected';
    }, shown);
    expect((await inPage(page, (w) => w.stateHistory)).slice(shown)).toEqual(['reconnecting', 'connected']);
    await showing(page, '#chat', /^live/);
    const published = writer.realtime.publish(index, room, { text: 'after the loss' });
    await firstValueFrom(published);
    await showing(page, '#chat', 'live after the loss');
    expect(errors).toEqual([]);
  });

  it('unsubscribes every room on the server when the component is destroyed, before the client disconnects', async () => {
    const closed = firstValueFrom(target.embedded!.connections$.pipe(filter((event) => event.type === 'close')));
    await inPage(page, (w) => w.appRef.destroy());
    const { connectionId } = await closed;
    expect(await page.evaluate(() => document.querySelector('#state'))).toBeNull();
    const onPageSocket = frames
      .filter((frame) => frame.connectionId === connectionId)
      .map((frame) => ({ ...frame, json: JSON.parse(frame.text) as Frame }));
    const subscribed = new Set(
      onPageSocket
        .filter(({ direction, json }) => direction === 'out' && json.action === 'subscribe' && json.status === 200)
        .map(({ json }) => json.result?.roomId),
    );
    const unsubscribed = new Set(
      onPageSocket
        .filter(({ direction, json }) => direction === 'in' && json.action === 'unsubscribe')
        .map(({ json }) => json.body?.roomId),
    );
    // The chat and the presence share a room; the live query's (the collection) and the watched documents' are two more.
    expect(subscribed.size).toBe(3);
    expect(unsubscribed).toEqual(subscribed);
  });
});
