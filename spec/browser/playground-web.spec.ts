import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { firstValueFrom } from 'rxjs';
import { Kuzzle, WebSocketProtocol } from '../../src';
import { buildPage } from '../../playground/web/server/build';
import { startPlayground, USER, type Playground } from '../../playground/web/server/playground';
import { uniqueName } from '../support/targets';
import { hasChromium, launchBrowser, type Browser } from './support/browser';

/** Where the walk-through's screenshots go (CI keeps .ci-out/). */
const SCREENSHOTS = resolve(import.meta.dirname, '../../.ci-out/screenshots');
// The embedded server always; the real one too whenever KUZZLE_URL is set (never restarted here: see below).
const TARGETS: ReadonlyArray<'embedded' | 'real'> = process.env['KUZZLE_URL'] ? ['embedded', 'real'] : ['embedded'];
const WAIT_MS = 15_000;

interface Step {
  readonly seq: number;
  readonly text: string;
}

/** Polls `read` every 50 ms until `accept` holds for what it returned; fails after `ms` naming `what` and the last value. */
async function until<T>(what: string, read: () => Promise<T>, accept: (value: T) => boolean, ms = WAIT_MS): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${ms} ms (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

const byId = (id: string) => `[data-testid="${id}"]`;
const text = async (page: Page, id: string): Promise<string> => ((await page.locator(byId(id)).first().textContent()) ?? '').trim();
const texts = (page: Page, id: string): Promise<string[]> =>
  page.locator(byId(id)).evaluateAll((nodes) => nodes.map((node) => (node.textContent ?? '').trim()));
/** Elements numbered by `data-seq`, with their text. */
const steps = (page: Page, selector: string): Promise<Step[]> =>
  page
    .locator(selector)
    .evaluateAll((nodes) => nodes.map((node) => ({ seq: Number(node.getAttribute('data-seq')), text: (node.textContent ?? '').trim() })));
/** The client's event log (newest first, without the times) since event number `after`. */
const eventsSince = async (page: Page, after: number): Promise<string[]> =>
  (await steps(page, byId('event'))).filter((step) => step.seq > after).map((step) => step.text.replace(/^[\d:]+\s*/, ''));
const lastSeq = async (page: Page, selector: string): Promise<number> =>
  Math.max(-1, ...(await steps(page, selector)).map((step) => step.seq));
const states = (page: Page) => steps(page, `${byId('state-history')} li`);
/** Waits until the feed's subscriptions to both collections stand at `status`. */
const subscriptions = (page: Page, status: string): Promise<string[]> =>
  until(
    `both subscriptions ${status}`,
    () => Promise.all(['chat', 'notes'].map((collection) => text(page, `subscription-${collection}`))),
    (seen) => seen.every((line) => line.endsWith(`: ${status}`)),
  );
/** The number of the newest ping in the chart. */
const lastPing = (page: Page): Promise<number> => lastSeq(page, byId('latency-point'));

/** Removes the playground's index from the (shared) real server. */
async function deleteIndex({ config }: Playground): Promise<void> {
  const kuzzle = new Kuzzle(new WebSocketProtocol(config.kuzzle.host, { port: config.kuzzle.port }));
  try {
    await firstValueFrom(kuzzle.connect());
    await firstValueFrom(kuzzle.index.delete(config.index));
  } finally {
    kuzzle.disconnect();
  }
}

describe.runIf(hasChromium())('the web playground in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    const ms = await buildPage();
    console.info(`web playground built in ${(ms / 1000).toFixed(1)} s`);
    browser = await launchBrowser();
    await mkdir(SCREENSHOTS, { recursive: true });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(TARGETS)('on the %s server', (name) => {
    let playground: Playground;
    let page: Page;
    let shots = 0;

    const screenshot = (step: string) =>
      page.screenshot({ path: join(SCREENSHOTS, `playground-${name}-${String(++shots).padStart(2, '0')}-${step}.png`), fullPage: true });

    /** Clicks a button and waits for what it did (the outcome line numbers the actions done). */
    async function click(action: string): Promise<string> {
      const done = async () => Number(await page.locator(byId('outcome')).getAttribute('data-seq'));
      const before = await done();
      await page.locator(byId(action)).click();
      await until(`the outcome of ${action}`, done, (seq) => seq > before);
      return text(page, 'outcome');
    }

    /** The client went through reconnecting since `after` (a state number), and is connected again. */
    async function expectRideThrough(after: number): Promise<void> {
      await until(
        'reconnecting, then connected',
        () => states(page),
        (seen) => {
          const since = seen.filter((step) => step.seq > after).map((step) => step.text);
          const lost = since.indexOf('reconnecting');
          return lost >= 0 && since.slice(lost).includes('connected') && since.at(-1) === 'connected';
        },
      );
      expect(await text(page, 'state')).toBe('connected');
    }

    /** New pings, a document written shows up in the live table, and a message published in the feed. */
    async function expectDataFlowing(): Promise<void> {
      const ping = await lastPing(page);
      await until(
        'a new ping',
        () => lastPing(page),
        (seq) => seq > ping,
      );
      const wrote = await click('write');
      const id = /as (\S+)$/.exec(wrote)?.[1] ?? '';
      expect(wrote).toMatch(/^wrote "note #\d+" as \S+$/);
      await until(
        `row ${id} in the live table`,
        () => texts(page, 'note-row'),
        (rows) => rows.some((row) => row.includes(id)),
      );
      const published = await click('publish');
      const message = /"(.+)"/.exec(published)?.[1] ?? '';
      expect(published).toMatch(/^published "hello #\d+"$/);
      await until(
        `"${message}" in the feed`,
        () => texts(page, 'feed-entry'),
        (entries) => entries.some((entry) => entry.endsWith(message)),
      );
    }

    beforeAll(async () => {
      playground = await startPlayground({
        port: 0,
        build: false,
        // The real server is shared by the whole suite: the playground gets no restart command for it.
        kuzzleUrl: name === 'real' ? process.env['KUZZLE_URL'] : undefined,
        index: name === 'real' ? uniqueName('playground') : undefined,
      });
      page = await browser.context.newPage();
      await page.setViewportSize({ width: 1280, height: 860 });
      await browser.context.clearCookies();
      await page.goto(playground.url);
    });
    afterAll(async () => {
      await page?.close();
      await playground?.close();
      if (name === 'real' && playground) await deleteIndex(playground);
    });

    it('shows the connection, anonymous, the live query and the ping latency', async () => {
      await until(
        'connected',
        () => text(page, 'state'),
        (state) => state === 'connected',
      );
      await until(
        'the anonymous user',
        () => text(page, 'user'),
        (user) => user === 'anonymous',
      );
      expect(await text(page, 'notes-status')).toMatch(/^(loading|live)$/);
      await until(
        'the live query',
        () => text(page, 'notes-status'),
        (status) => status === 'live',
      );
      expect(await subscriptions(page, 'live')).toEqual(['chat: live', 'notes: live']);
      expect(await texts(page, 'note-row')).toEqual([]);
      expect(await text(page, 'notes-total')).toBe('0 in notes');
      const points = await until(
        'three pings',
        () => page.locator(byId('latency-point')).count(),
        (count) => count >= 3,
      );
      expect(points).toBeGreaterThanOrEqual(3);
      expect(await text(page, 'latency-summary')).toMatch(/^last \d+ ms · min \d+ · avg [\d.]+ · max \d+ · \d+ pings$/);
      expect(await states(page)).toEqual(expect.arrayContaining([expect.objectContaining({ text: 'connected' })]));
      await screenshot('connected');
    });

    it('logs in with a cookie: the socket is reopened, and the page is the user from then on', async () => {
      const before = await lastSeq(page, `${byId('state-history')} li`);
      expect(await click('login')).toBe(`logged in as ${USER.username}`);
      await until(
        'the logged-in user',
        () => text(page, 'user'),
        (user) => user === USER.username,
      );
      await expectRideThrough(before);
      const cookies = (await browser.context.cookies(`http://${playground.config.kuzzle.host}:${playground.config.kuzzle.port}`)).filter(
        (cookie) => cookie.name === 'authToken',
      );
      expect(cookies).toEqual([expect.objectContaining({ httpOnly: true })]);
      await screenshot('logged-in');
    });

    it('publishes a message: it comes back in the notification feed', async () => {
      expect(await texts(page, 'feed-entry')).toEqual([]);
      expect(await click('publish')).toBe('published "hello #1"');
      const [entry] = await until(
        'a feed entry',
        () => texts(page, 'feed-entry'),
        (entries) => entries.length > 0,
      );
      expect(entry).toMatch(/chat\s*publish\s*hello #1$/);
      await screenshot('published');
    });

    it('writes a document: a row appears in the live table, and a notification in the feed', async () => {
      const wrote = await click('write');
      const id = /^wrote "note #1" as (\S+)$/.exec(wrote)?.[1];
      expect(id).toBeTruthy();
      const rows = await until(
        'a row',
        () => texts(page, 'note-row'),
        (found) => found.length === 1,
      );
      expect(rows[0]).toContain(id);
      expect(rows[0]).toContain('note #1');
      expect(await text(page, 'notes-total')).toBe('1 in notes');
      await until(
        'the create notification',
        () => texts(page, 'feed-entry'),
        (entries) => entries.some((entry) => entry.includes(`create ${id}`)),
      );

      const second = /as (\S+)$/.exec(await click('write'))?.[1] ?? '';
      const both = await until(
        'two rows',
        () => texts(page, 'note-row'),
        (found) => found.length === 2,
      );
      // Newest first.
      expect(both[0]).toContain(second);
      expect(both[1]).toContain(id);
      await screenshot('written');
    });

    if (name === 'embedded') {
      it('freezes the link: the client notices, reconnects once it thaws, and data flows again', async () => {
        const before = await lastSeq(page, `${byId('state-history')} li`);
        const eventsBefore = await lastSeq(page, byId('event'));
        expect(await click('freeze')).toMatch(/^link frozen for \d+ s$/);
        await until(
          'reconnecting',
          () => text(page, 'state'),
          (state) => state === 'reconnecting',
        );
        await subscriptions(page, 'restoring');
        await screenshot('frozen');
        await expectRideThrough(before);
        await subscriptions(page, 'live');
        expect(await eventsSince(page, eventsBefore)).toEqual(
          expect.arrayContaining([expect.stringMatching(/^disconnected \(ping-timeout/), 'reconnected']),
        );
        await expectDataFlowing();
        expect(await text(page, 'user')).toBe(USER.username);
        await screenshot('thawed');
      });

      it('restarts the server: the client reconnects, restores its subscriptions, stays logged in, and data flows again', async () => {
        const before = await lastSeq(page, `${byId('state-history')} li`);
        const eventsBefore = await lastSeq(page, byId('event'));
        expect(await click('restart')).toMatch(/^server restarted/);
        await expectRideThrough(before);
        await until(
          'the subscriptions restored',
          () => eventsSince(page, eventsBefore),
          (lines) => lines.includes('resubscribed to notes') && lines.includes('resubscribed to chat'),
        );
        await subscriptions(page, 'live');
        await until(
          'the live query',
          () => text(page, 'notes-status'),
          (status) => status === 'live',
        );
        await expectDataFlowing();
        expect(await text(page, 'user')).toBe(USER.username);
        await screenshot('restarted');
      });
    } else {
      it('says that a real server cannot be frozen, nor restarted without KUZZLE_RESTART_CMD', async () => {
        for (const control of ['freeze', 'restart']) {
          const button = page.locator(byId(control));
          expect(await button.isDisabled()).toBe(true);
          expect(await button.textContent()).toContain('not available');
        }
        await expectDataFlowing();
        await screenshot('real-controls');
      });
    }
  });
});
