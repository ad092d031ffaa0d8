import type { ScenarioResult } from './angular-testing/scenarios';
import { buildAngularTestingPage } from './angular-testing/bundle';
import { hasChromium, launchBrowser, type Browser } from './support/browser';
import { startPageServer, type PageServer } from './support/page-server';

// provideKuzzleTesting() in a real browser: a standalone zoneless component, TestBed, and the DOM it renders as the
// test answers requests, pushes notifications, runs the virtual clock and drops the link (see angular-testing/).

describe.runIf(hasChromium())('provideKuzzleTesting in Chromium', () => {
  let browser: Browser;
  let server: PageServer;
  let results: Record<string, ScenarioResult>;
  let zoneless: boolean | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startPageServer(await buildAngularTestingPage());
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.url);
    await page.waitForFunction(() => window.angularTesting !== undefined, undefined, { timeout: 30_000 });
    zoneless = await page.evaluate(() => window.angularTesting?.zoneless);
    results = await page.evaluate(() => window.angularTesting!.run());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const result = (name: string): ScenarioResult => {
    const found = results[name];
    if (!found) throw new Error(`the page ran no scenario "${name}"`);
    expect(found.error).toBeUndefined();
    return found;
  };

  it('runs on the page, without zone.js and without an uncaught error', () => {
    expect(zoneless).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('renders the document once the controller answers the request', () => {
    expect(result('renders the document once the controller answers').steps).toEqual({
      before: { connection: 'connected', status: 'Loading order…', title: null, total: null, changes: [] },
      answered: { connection: 'connected', status: null, title: 'Order o1', total: 'Total: 12', changes: [] },
    });
  });

  it('lists the notifications the controller pushes to the live subscription', () => {
    const { steps } = result('lists the notifications the controller pushes');
    expect(steps['one']?.changes).toEqual(['create o2 (30)']);
    expect(steps['three']).toEqual({
      connection: 'connected',
      status: null,
      title: 'Order o1',
      total: 'Total: 12',
      changes: ['create o2 (30)', 'update o1 (15)', 'delete o2'],
    });
  });

  it('shows the error the controller answers with', () => {
    expect(result('shows the error the controller answers with').steps['failed']?.status).toBe(
      'Could not load the order: Document "o1" not found in "shop":"orders".',
    );
  });

  it('fails an expectation naming what the component sent instead, and verify() names what nobody answered', () => {
    expect(result('fails an expectation naming what the component sent').caught).toEqual([
      'Expected one request for document:get {"_id":"o9"}, found 0. Sent instead, waiting for an answer:\n  document:get {"index":"shop","collection":"orders","_id":"o1"}',
      'Expected no unhandled request, found 1. Waiting for an answer:\n  document:get {"index":"shop","collection":"orders","_id":"o1"}',
    ]);
  });

  it('times the request out on the virtual clock', () => {
    const { steps } = result('times out in virtual time');
    expect(steps['4999 ms']?.status).toBe('Loading order…');
    expect(steps['5000 ms']?.status).toMatch(/^Could not load the order: .*5000 ms/);
  });

  it('shows the link dropping and coming back, with the subscription restored', () => {
    const { steps } = result('shows the link dropping and coming back, and the subscription restored');
    expect(steps['dropped']).toMatchObject({ connection: 'reconnecting', title: 'Order o1' });
    expect(steps['restored']).toMatchObject({ connection: 'connected', changes: ['create o3 (7)'] });
  });
});
