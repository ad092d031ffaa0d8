import type { Page } from 'playwright-core';
import { firstValueFrom } from 'rxjs';
import type { FrameEvent } from '../../src/testing';
import { client, startTarget, uniqueName, type Target } from '../support/targets';
import { bundlePage, expectedAngular } from './angular/bundle';
import { appPage, startPages, type PageServer } from './angular/pages';
import { pageErrors } from './angular/view';
import { hasChromium, launchBrowser, type Browser } from './support/browser';

type Scenario = 'resourceLifecycle' | 'subscriptionLifecycle' | 'liveQueryArguments' | 'componentCleanup' | 'angularVersion';

const run = (page: Page, scenario: Scenario): Promise<string[]> =>
  page.evaluate((scenario) => (window as unknown as { lab: Record<Scenario, () => Promise<string[]>> }).lab[scenario](), scenario);

describe.runIf(hasChromium())('Angular signal helpers step by step (TestBed in Chromium, zoneless)', () => {
  let target: Target;
  let browser: Browser;
  let pages: PageServer;
  let page: Page;
  let errors: string[];
  const frames: FrameEvent[] = [];
  const index = uniqueName('nglab');

  beforeAll(async () => {
    [target, browser, pages] = await Promise.all([startTarget('embedded'), launchBrowser(), startPages()]);
    pages.serve('/', appPage('lab'));
    pages.serve('/app.js', { type: 'text/javascript', body: await bundlePage('lab-page.ts') });
    target.embedded?.frames$.subscribe((frame) => frames.push(frame));
    const writer = client(target);
    await firstValueFrom(writer.connect());
    await firstValueFrom(writer.index.create(index));
    await firstValueFrom(writer.collection.create(index, 'items'));
    await firstValueFrom(writer.collection.create(index, 'tags'));
    const tags = ['a', 'b', 'a'].map((tag) => ({ body: { tag } }));
    await firstValueFrom(writer.document.mCreate(index, 'tags', tags, { refresh: 'wait_for' }));
    writer.disconnect();
    page = await browser.context.newPage();
    errors = pageErrors(page);
    await page.goto(`${pages.origin}/?port=${target.port}&index=${index}`);
  });
  afterAll(async () => {
    await page?.close();
    await browser?.close();
    await pages?.close();
    await target?.stop();
  });

  // scripts/angular-oldest.sh bundles the pages with another Angular than the project's: this says which ran.
  it("runs the project's Angular, or the one given to scripts/angular-oldest.sh", async () => {
    expect(await run(page, 'angularVersion')).toEqual([expectedAngular()]);
  });

  it('kuzzleResource: loading, resolved, reloading, re-run on new arguments, error, idle, destroyed', async () => {
    expect(await run(page, 'resourceLifecycle')).toEqual([
      'created: loading value=undefined loading=true hasValue=false error=-',
      'log: request x, subscribe x',
      'stable while loading: false',
      'x emitted: resolved value=x1 loading=false hasValue=true error=-',
      'stable once resolved: true',
      'x emitted again: resolved value=x2 loading=false hasValue=true error=-',
      'reload: true',
      'reloading: reloading value=x2 loading=true hasValue=true error=-',
      'x after reload: resolved value=x3 loading=false hasValue=true error=-',
      // New arguments: loading at once, before the request for them runs, without the previous value.
      'arguments changed: loading value=undefined loading=true hasValue=false error=-',
      'y failed: error value=undefined loading=false hasValue=false error=y failed',
      'no request: idle value=undefined loading=false hasValue=false error=-',
      'reload when idle: false',
      'destroyed: idle value=undefined loading=false hasValue=false error=-',
      // `request` is called once per change of `id` (not per change detection), each run ends the previous one, and
      // reload() subscribes to the same request again.
      'log: request x, subscribe x, end x, subscribe x, request y, end x, subscribe y, end y, request z, subscribe z, end z',
    ]);
  });

  it('injectSubscription: pending, live, the latest notifications kept, restoring, a new subscription, the end', async () => {
    expect(await run(page, 'subscriptionLifecycle')).toEqual([
      'created: pending latest=- kept= error=-',
      'pending: pending latest=- kept= error=-',
      'live: live latest=- kept= error=-',
      'three notifications: live latest=three kept=two|three error=-',
      'restoring: restoring latest=three kept=two|three error=-',
      'restored: live latest=three kept=two|three error=-',
      'arguments changed: pending latest=- kept= error=-',
      'r1 observed: false',
      'a notification without status: live latest=plain kept=plain error=-',
      'ended: error latest=plain kept=plain error=lost',
    ]);
  });

  it('injectLiveQuery: watched again for another query, not for an equal one; an error kept until the arguments change', async () => {
    expect(await run(page, 'liveQueryArguments')).toEqual([
      'created: loading  error=-',
      'live: live a,a error=-',
      'an equal query: live a,a error=-',
      'same result after an equal query: true',
      'another query: loading  error=-',
      'live again: live b error=-',
      'bad arguments: loading  error=InvalidRequestError',
      'good arguments again: loading  error=-',
      'live after the error: live b error=-',
    ]);
  });

  it('a destroyed component ends its live query, subscription and request: the server unsubscribes them, the client stays connected', async () => {
    const from = frames.length;
    const seen = await run(page, 'componentCleanup');
    expect(seen).toEqual(['shown: live 0 live resolved', 'connected after destroy: connected']);
    const subscribed = frames
      .slice(from)
      .filter((frame) => frame.direction === 'out' && /"action":"subscribe"/.test(frame.text) && /"status":200/.test(frame.text));
    const roomIds = new Set(subscribed.map((frame) => (JSON.parse(frame.text) as { result: { roomId: string } }).result.roomId));
    expect(roomIds.size).toBe(2);
    const deadline = Date.now() + 5000;
    const unsubscribed = () =>
      new Set(
        frames
          .slice(from)
          .filter((frame) => frame.direction === 'in' && /"action":"unsubscribe"/.test(frame.text))
          .map((frame) => (JSON.parse(frame.text) as { body: { roomId: string } }).body.roomId),
      );
    while (unsubscribed().size < roomIds.size && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unsubscribed()).toEqual(roomIds);
    expect(target.embedded?.connectionCount).toBe(1);
    expect(errors).toEqual([]);
  });
});
