import '@angular/compiler';
import { mergeApplicationConfig } from '@angular/core';
import { provideServerRendering, renderApplication } from '@angular/platform-server';
import type { Page } from 'playwright-core';
import { firstValueFrom } from 'rxjs';
import type { Kuzzle } from '../../src';
import { client, startTarget, uniqueName, type Target } from '../support/targets';
import { bundlePage } from './angular/bundle';
import { startPages, type PageServer } from './angular/pages';
import { appConfig, bootstrapList, type Item, type SsrTarget } from './angular/ssr-app';
import { pageErrors, showing, textsOf } from './angular/view';
import { hasChromium, launchBrowser, type Browser } from './support/browser';

const DOCUMENT = '<!doctype html><html><head><meta charset="utf-8"><title>ssr</title></head><body><app-root></app-root></body></html>';

/**
 * Runs before the app's script: marks the server-rendered items, and records what the list shows at every change
 * (how many items, the status), from the first paint on.
 */
const RECORDER = `<script>
  window.shown = [];
  const record = () => window.shown.push({ items: document.querySelectorAll('#items li').length, status: document.querySelector('#status')?.textContent.trim() });
  document.querySelectorAll('#items li').forEach((li) => { li.dataset.server = 'yes'; });
  record();
  new MutationObserver(record).observe(document.body, { childList: true, characterData: true, subtree: true });
</script>`;

interface Shown {
  readonly items: number;
  readonly status: string;
}

async function renderOnServer(target: SsrTarget): Promise<string> {
  const config = mergeApplicationConfig(appConfig(target, true), { providers: [provideServerRendering()] });
  const options = { document: DOCUMENT, url: 'http://127.0.0.1/', allowedHosts: ['127.0.0.1'] };
  return renderApplication((...context: unknown[]) => bootstrapList(config, ...context), options);
}

const withScripts = (html: string): string => html.replace('</body>', `${RECORDER}<script src="/app.js"></script></body>`);

describe.runIf(hasChromium())('server-side rendering handed over to the browser (TransferState, hydration)', () => {
  let target: Target;
  let browser: Browser;
  let pages: PageServer;
  let writer: Kuzzle;
  let ssr: SsrTarget;
  let page: Page;

  beforeAll(async () => {
    [target, browser, pages] = await Promise.all([startTarget('embedded'), launchBrowser(), startPages()]);
    pages.serve('/app.js', { type: 'text/javascript', body: await bundlePage('ssr-client-page.ts') });
    ssr = { port: target.port, index: uniqueName('ngssr'), collection: 'items' };
    writer = client(target);
    await firstValueFrom(writer.connect());
    await firstValueFrom(writer.index.create(ssr.index));
    await firstValueFrom(writer.collection.create(ssr.index, ssr.collection));
    const items: Item[] = [
      { title: 'one', rank: 1 },
      { title: 'two', rank: 2 },
      { title: 'three', rank: 3 },
    ];
    await firstValueFrom(
      writer.document.mCreate(
        ssr.index,
        ssr.collection,
        items.map((body) => ({ body })),
        { refresh: 'wait_for' },
      ),
    );
  });
  afterAll(async () => {
    writer?.disconnect();
    await browser?.close();
    await pages?.close();
    await target?.stop();
  });
  afterEach(() => page?.close());

  const open = async (html: string): Promise<string[]> => {
    pages.serve('/', { type: 'text/html', body: html });
    page = await browser.context.newPage();
    const errors = pageErrors(page);
    await page.goto(`${pages.origin}/?port=${ssr.port}&index=${ssr.index}&collection=${ssr.collection}`);
    return errors;
  };
  const shown = (): Promise<Shown[]> => page.evaluate(() => (window as unknown as { shown: Shown[] }).shown);

  it('starts from the server-rendered result without showing an empty list, keeps its DOM, then goes live', async () => {
    const errors = await open(withScripts(await renderOnServer(ssr)));
    await showing(page, '#state', 'connected');
    await showing(page, '#status', 'live');
    expect(await textsOf(page, '#items li')).toEqual(['one', 'two', 'three']);
    const history = await shown();
    expect(history[0]).toEqual({ items: 3, status: 'live' });
    expect(history.filter((state) => state.items !== 3)).toEqual([]);
    expect(history.map((state) => state.status)).toContain('loading');
    // Hydrated: the items are the server's elements, not new ones.
    expect(
      await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('#items li'), (li) => li.dataset['server'])),
    ).toEqual(['yes', 'yes', 'yes']);

    await firstValueFrom(writer.document.create<Item>(ssr.index, ssr.collection, { title: 'zero', rank: 0 }, 'zero'));
    await page.waitForFunction(() => document.querySelectorAll('#items li').length === 4);
    expect(await textsOf(page, '#items li')).toEqual(['zero', 'one', 'two', 'three']);
    await firstValueFrom(writer.document.delete(ssr.index, ssr.collection, 'zero'));
    await page.waitForFunction(() => document.querySelectorAll('#items li').length === 3);
    expect(errors).toEqual([]);
  });

  it('without the handed-over state, the same page shows an empty list until the first snapshot', async () => {
    const html = (await renderOnServer(ssr)).replace(/<script id="ng-state"[\s\S]*?<\/script>/, '');
    await open(withScripts(html));
    await showing(page, '#status', 'live');
    expect((await shown()).some((state) => state.items === 0)).toBe(true);
  });
});
