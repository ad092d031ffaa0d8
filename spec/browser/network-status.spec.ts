import type { Page } from 'playwright-core';
import type * as Rx from 'rxjs';
import type * as Library from '../../src';
import type { Kuzzle } from '../../src';
import { startTarget, type Target } from '../support/targets';
import { hasChromium, launchBrowser, type Browser } from './support/browser';
import { buildBrowserBundle, type BrowserBundle } from './support/bundle';
import { startPageServer, type PageServer } from './support/page-server';

interface PageWindow {
  readonly KuzzleRx: typeof Library & Pick<typeof Rx, 'firstValueFrom' | 'filter' | 'take' | 'timeout' | 'ReplaySubject'>;
  kuzzle: Kuzzle;
  /** Event types; `disconnected` events as `disconnected:<origin>`. */
  events: string[];
}

const TARGETS: ReadonlyArray<Target['name']> = process.env['KUZZLE_URL'] ? ['embedded', 'real'] : ['embedded'];
const WAIT_MS = 15_000;

/** A client whose next reconnection would wait about a minute: only the `online` event can bring it back sooner. */
async function openClient(page: Page, port: number): Promise<void> {
  await page.evaluate(
    async ({ port, ms }) => {
      const w = window as unknown as PageWindow;
      const R = w.KuzzleRx;
      const protocol = new R.WebSocketProtocol('127.0.0.1', {
        port,
        reconnectionDelay: 60_000,
        maxReconnectionDelay: 60_000,
        random: () => 0.99,
      });
      w.kuzzle = new R.Kuzzle(protocol);
      w.events = [];
      w.kuzzle.events$.subscribe((event) => w.events.push(event.type === 'disconnected' ? `disconnected:${event.origin}` : event.type));
      await R.firstValueFrom(w.kuzzle.connect().pipe(R.timeout(ms)));
    },
    { port, ms: WAIT_MS },
  );
}

/** Resolves once the page's events include `type`; fails after WAIT_MS. */
async function eventSeen(page: Page, type: string): Promise<void> {
  await page.waitForFunction((wanted) => (window as unknown as PageWindow).events.includes(wanted), type, { timeout: WAIT_MS });
}

describe.runIf(hasChromium())('the device network in Chromium', () => {
  let bundle: BrowserBundle;
  let pages: PageServer;

  beforeAll(async () => {
    bundle = await buildBrowserBundle();
    pages = await startPageServer(bundle.code);
  });
  afterAll(async () => {
    await pages?.close();
    await bundle?.dispose();
  });

  describe.each(TARGETS)('on the %s server', (name) => {
    let target: Target;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      target = await startTarget(name);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await target?.stop();
    });
    beforeEach(async () => {
      page = await browser.context.newPage();
      await page.goto(pages.url);
    });
    afterEach(async () => {
      await browser.context.setOffline(false);
      await page?.evaluate(() => (window as unknown as PageWindow).kuzzle?.disconnect()).catch(() => undefined);
      await page?.close();
    });

    it('marks the link down at the offline event, and reconnects at the online one without waiting for the delay', async () => {
      await openClient(page, target.port);

      await browser.context.setOffline(true);
      await eventSeen(page, 'disconnected:network');
      const whileOffline = await page.evaluate(() => (window as unknown as PageWindow).kuzzle.state);
      expect(whileOffline).toBe('reconnecting');

      await browser.context.setOffline(false);
      await eventSeen(page, 'reconnected');
      const events = await page.evaluate(() => (window as unknown as PageWindow).events);
      // The only delay drawn was about a minute: the reconnection came from the online event.
      expect(events.filter((event) => event === 'reconnecting')).toHaveLength(1);
      expect(events.at(-1)).toBe('reconnected');
      expect(await page.evaluate(() => (window as unknown as PageWindow).kuzzle.state)).toBe('connected');
    });
  });
});
