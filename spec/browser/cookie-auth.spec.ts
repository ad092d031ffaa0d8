import type { Page } from 'playwright-core';
import { filter, firstValueFrom, ReplaySubject, take, timeout, type Observable } from 'rxjs';
import type * as Rx from 'rxjs';
import type * as Library from '../../src';
import type { ConnectionState, Kuzzle, Notification } from '../../src';
import type { ConnectionEvent, EmbeddedKuzzleServer, FrameEvent } from '../../src/testing';
import { client, startTarget, uniqueName, USER, type Target } from '../support/targets';
import { hasChromium, launchBrowser, type Browser } from './support/browser';
import { buildBrowserBundle, type BrowserBundle } from './support/bundle';
import { startPageServer, type PageServer } from './support/page-server';

/** The page's globals: the browser build, then the client and its records once `openClient` ran. */
interface PageWindow {
  readonly KuzzleRx: typeof Library & Pick<typeof Rx, 'firstValueFrom' | 'filter' | 'take' | 'timeout' | 'ReplaySubject'>;
  kuzzle: Kuzzle;
  states: ConnectionState[];
  /** Event types; `disconnected` events as `disconnected:<origin>`. */
  events: string[];
  latencies: number[];
  /** The notifications of the page's realtime subscription, replayed. */
  notifications: Rx.ReplaySubject<Notification>;
}

/** A WebSocket frame as Chromium reports it; `socket` numbers the page's sockets in opening order. */
interface BrowserFrame {
  readonly socket: number;
  readonly direction: 'sent' | 'received';
  readonly text: string;
}

interface SocketLog {
  /** Every frame so far, then the next ones. */
  readonly frames$: Observable<BrowserFrame>;
  /** Every frame so far. */
  readonly frames: readonly BrowserFrame[];
  /** Whether each socket is closed, by socket number. */
  readonly closed: readonly boolean[];
  stop(): void;
}

/** What the embedded server saw, replayed: every frame, every socket with its upgrade headers. */
interface ServerLog {
  readonly frames$: Observable<FrameEvent>;
  readonly connections$: Observable<ConnectionEvent>;
  stop(): void;
}

// The browser suite runs on the embedded server always, and on the real one too whenever KUZZLE_URL is set.
const TARGETS: ReadonlyArray<Target['name']> = process.env['KUZZLE_URL'] ? ['embedded', 'real'] : ['embedded'];
const WAIT_MS = 15_000;
const PING = '{"p":1}';
const PONG = '{"p":2}';

/** The next value matching `predicate` (past ones included when `source` replays); fails after `ms`. */
function waitFor<T>(source: Observable<T>, predicate: (value: T) => boolean, what: string, ms = WAIT_MS): Promise<T> {
  return firstValueFrom(
    source.pipe(
      filter(predicate),
      take(1),
      timeout({
        first: ms,
        with: () => {
          throw new Error(`${what}: not seen within ${ms} ms`);
        },
      }),
    ),
  );
}

function trackSockets(page: Page): SocketLog {
  const frames$ = new ReplaySubject<BrowserFrame>();
  const frames: BrowserFrame[] = [];
  const closed: boolean[] = [];
  const seen = (frame: BrowserFrame) => {
    frames.push(frame);
    frames$.next(frame);
  };
  page.on('websocket', (socket) => {
    const index = closed.push(false) - 1;
    const text = (payload: string | Buffer): string => (typeof payload === 'string' ? payload : payload.toString('utf8'));
    socket.on('framesent', ({ payload }) => seen({ socket: index, direction: 'sent', text: text(payload) }));
    socket.on('framereceived', ({ payload }) => seen({ socket: index, direction: 'received', text: text(payload) }));
    socket.on('close', () => (closed[index] = true));
  });
  return { frames$: frames$.asObservable(), frames, closed, stop: () => frames$.complete() };
}

function recordServer(server: EmbeddedKuzzleServer): ServerLog {
  const frames$ = new ReplaySubject<FrameEvent>();
  const connections$ = new ReplaySubject<ConnectionEvent>();
  const subscriptions = [server.frames$.subscribe(frames$), server.connections$.subscribe(connections$)];
  return { frames$, connections$, stop: () => subscriptions.forEach((subscription) => subscription.unsubscribe()) };
}

const isRequest = (frame: BrowserFrame, action: string): boolean =>
  frame.direction === 'sent' && frame.text.includes(`"action":"${action}"`);

/** Creates the page's client in cookie mode, on the browser's own WebSocket and fetch, and connects it. */
async function openClient(page: Page, port: number): Promise<void> {
  await page.evaluate(
    async ({ port, ms }) => {
      const w = window as unknown as PageWindow;
      const R = w.KuzzleRx;
      const kuzzle = new R.Kuzzle(new R.WebSocketProtocol('127.0.0.1', { port }), { cookieAuth: true });
      w.kuzzle = kuzzle;
      w.states = [];
      w.events = [];
      w.latencies = [];
      w.notifications = new R.ReplaySubject<Notification>();
      kuzzle.state$.subscribe((state) => w.states.push(state));
      kuzzle.events$.subscribe((event) => w.events.push(event.type === 'disconnected' ? `disconnected:${event.origin}` : event.type));
      kuzzle.latency$.subscribe((latency) => w.latencies.push(latency));
      await R.firstValueFrom(kuzzle.connect().pipe(R.timeout(ms)));
    },
    { port, ms: WAIT_MS },
  );
}

async function login(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(
    async ({ user, ms }) => {
      const w = window as unknown as PageWindow;
      const R = w.KuzzleRx;
      return { ...(await R.firstValueFrom(w.kuzzle.auth.login('local', user, '1h').pipe(R.timeout(ms)))) };
    },
    { user: USER, ms: WAIT_MS },
  );
}

async function currentUser(page: Page): Promise<string> {
  return page.evaluate(async (ms) => {
    const w = window as unknown as PageWindow;
    const R = w.KuzzleRx;
    return (await R.firstValueFrom(w.kuzzle.auth.getCurrentUser().pipe(R.timeout(ms))))._id;
  }, WAIT_MS);
}

const pageJwt = (page: Page): Promise<string | null> => page.evaluate(() => (window as unknown as PageWindow).kuzzle.jwt);
const pageEvents = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as PageWindow).events);
const pageInstanceId = (page: Page): Promise<string> => page.evaluate(() => (window as unknown as PageWindow).kuzzle.instanceId);

/** The state was offline once, before connecting, and never again while the cookie was renewed. */
async function expectNeverOffline(page: Page): Promise<void> {
  const states = await page.evaluate(() => (window as unknown as PageWindow).states);
  expect(states[0]).toBe('offline');
  expect(states.slice(1)).not.toContain('offline');
  expect(states).toContain('reconnecting');
  expect(states.at(-1)).toBe('connected');
}

describe.runIf(hasChromium())('cookie authentication in Chromium', () => {
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
    let sockets: SocketLog;
    let server: ServerLog | undefined;

    const authCookies = async () => (await browser.context.cookies(target.httpUrl)).filter((cookie) => cookie.name === 'authToken');

    beforeAll(async () => {
      target = await startTarget(name);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await target?.stop();
    });
    beforeEach(async () => {
      await browser.context.clearCookies();
      server = target.embedded && recordServer(target.embedded);
      page = await browser.context.newPage();
      sockets = trackSockets(page);
      await page.goto(pages.url);
    });
    afterEach(async () => {
      await page?.evaluate(() => (window as unknown as PageWindow).kuzzle?.disconnect()).catch(() => undefined);
      await page?.close();
      sockets?.stop();
      server?.stop();
    });

    it('logs in over HTTP: the browser keeps an HttpOnly cookie, no jwt is exposed, the reopened socket is authenticated', async () => {
      await openClient(page, target.port);
      expect(await currentUser(page)).toBe('-1');

      const result = await login(page);
      expect(Object.keys(result).sort()).toEqual(['_id', 'expiresAt', 'ttl']);
      expect(result['_id']).toBe(USER.username);
      expect(result['expiresAt']).toBeGreaterThan(Date.now());
      expect(result['ttl']).toBeGreaterThan(0);
      expect(await pageJwt(page)).toBeNull();

      expect(await currentUser(page)).toBe(USER.username);
      expect(await pageJwt(page)).toBeNull();

      const [cookie, ...others] = await authCookies();
      expect(others).toEqual([]);
      expect(cookie).toMatchObject({ domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Strict' });
      expect(cookie?.value).not.toMatch(/^(null)?$/);
      expect(await page.evaluate(() => document.cookie)).not.toContain('authToken');

      // The socket was closed for the HTTP call; the authenticated request went on the one opened after it.
      const anonymous = await waitFor(sockets.frames$, (frame) => isRequest(frame, 'getCurrentUser'), 'the anonymous getCurrentUser');
      const authenticated = await waitFor(
        sockets.frames$,
        (frame) => isRequest(frame, 'getCurrentUser') && frame.socket > anonymous.socket,
        'getCurrentUser after login',
      );
      expect(sockets.closed[anonymous.socket]).toBe(true);
      expect(sockets.closed[authenticated.socket]).toBe(false);
      expect(sockets.frames.filter((frame) => isRequest(frame, 'login'))).toEqual([]);

      const seen = server;
      if (seen) {
        // The browser itself put the cookie on the second handshake, and only there.
        const instanceId = await pageInstanceId(page);
        const fromPage = (frame: FrameEvent) =>
          frame.direction === 'in' && frame.text.includes('"getCurrentUser"') && frame.text.includes(instanceId);
        const before = await waitFor(seen.frames$, fromPage, 'the anonymous getCurrentUser on the server');
        const after = await waitFor(
          seen.frames$,
          (frame) => fromPage(frame) && frame.connectionId !== before.connectionId,
          'getCurrentUser after login on the server',
        );
        const opened = (id: string) =>
          waitFor(seen.connections$, (event) => event.type === 'open' && event.connectionId === id, `socket ${id}`);
        expect((await opened(before.connectionId)).headers['cookie'] ?? '').not.toContain('authToken=');
        expect((await opened(after.connectionId)).headers['cookie']).toContain(`authToken=${cookie?.value}`);
      }

      expect(await pageEvents(page)).toEqual(expect.arrayContaining(['connected', 'disconnected:reopen', 'reconnected']));
      await expectNeverOffline(page);
    });

    it('keeps the reopened socket alive with {"p":1} pings', async () => {
      await openClient(page, target.port);
      await login(page);
      expect(await currentUser(page)).toBe(USER.username);

      const request = await waitFor(sockets.frames$, (frame) => isRequest(frame, 'getCurrentUser'), 'getCurrentUser');
      await waitFor(
        sockets.frames$,
        (frame) => frame.socket === request.socket && frame.direction === 'sent' && frame.text === PING,
        'a ping',
      );
      await waitFor(
        sockets.frames$,
        (frame) => frame.socket === request.socket && frame.direction === 'received' && frame.text === PONG,
        'a pong',
      );

      const latency = await page.evaluate(async (ms) => {
        const w = window as unknown as PageWindow;
        const R = w.KuzzleRx;
        return w.latencies[0] ?? R.firstValueFrom(w.kuzzle.latency$.pipe(R.timeout(ms)));
      }, WAIT_MS);
      expect(latency).toBeGreaterThanOrEqual(0);

      if (server) {
        // The same socket seen from the server: the connection that carried the page's request sent the pings.
        const instanceId = await pageInstanceId(page);
        const carried = await waitFor(
          server.frames$,
          (frame) => frame.direction === 'in' && frame.text.includes('"getCurrentUser"') && frame.text.includes(instanceId),
          'getCurrentUser on the server',
        );
        const on = (frame: FrameEvent, direction: FrameEvent['direction'], text: string) =>
          frame.connectionId === carried.connectionId && frame.direction === direction && frame.text === text;
        await waitFor(server.frames$, (frame) => on(frame, 'in', PING), 'a ping on the server');
        await waitFor(server.frames$, (frame) => on(frame, 'out', PONG), 'a pong from the server');
      }
    });

    it('restores a subscription made before login on the reopened socket', async () => {
      const index = uniqueName('browser');
      await openClient(page, target.port);
      await page.evaluate(
        async ({ index, ms }) => {
          const w = window as unknown as PageWindow;
          const R = w.KuzzleRx;
          const subscribed = R.firstValueFrom(
            w.kuzzle.events$.pipe(
              R.filter((event) => event.type === 'subscribed'),
              R.timeout(ms),
            ),
          );
          w.kuzzle.realtime.subscribe(index, 'c', {}).subscribe(w.notifications);
          await subscribed;
        },
        { index, ms: WAIT_MS },
      );

      await login(page);
      expect(await currentUser(page)).toBe(USER.username);
      expect(await pageEvents(page)).toContain('resubscribed');

      const publisher = client(target);
      try {
        await firstValueFrom(publisher.connect());
        await firstValueFrom(publisher.realtime.publish(index, 'c', { after: 'login' }));
      } finally {
        publisher.disconnect();
      }
      const received = await page.evaluate(async (ms) => {
        const w = window as unknown as PageWindow;
        const R = w.KuzzleRx;
        const first = await R.firstValueFrom(w.notifications.pipe(R.timeout(ms)));
        return first.type === 'document' ? { event: first.event, ...first.result._source } : { user: first.user };
      }, WAIT_MS);
      expect(received).toMatchObject({ event: 'publish', after: 'login' });
      await expectNeverOffline(page);
    });

    it('answers requests issued while the socket is being renewed, on the new socket', async () => {
      await openClient(page, target.port);
      const outcome = await page.evaluate(
        async ({ user, ms }) => {
          const w = window as unknown as PageWindow;
          const R = w.KuzzleRx;
          const loggedIn = R.firstValueFrom(w.kuzzle.auth.login('local', user, '1h').pipe(R.timeout(ms)));
          const stateDuring = w.states.at(-1);
          const [me, now] = await Promise.all([
            R.firstValueFrom(w.kuzzle.auth.getCurrentUser().pipe(R.timeout(ms))),
            R.firstValueFrom(w.kuzzle.server.now().pipe(R.timeout(ms))),
          ]);
          await loggedIn;
          return { stateDuring, user: me._id, now };
        },
        { user: USER, ms: WAIT_MS },
      );
      expect(outcome.stateDuring).toBe('reconnecting');
      expect(outcome.user).toBe(USER.username);
      expect(Math.abs(outcome.now - Date.now())).toBeLessThan(60_000);
      const sent = await waitFor(sockets.frames$, (frame) => isRequest(frame, 'now'), 'server:now');
      expect(sent.socket).toBeGreaterThan(0);
      expect(sockets.frames.filter((frame) => frame.socket === 0 && frame.direction === 'sent' && frame.text !== PING)).toEqual([]);
      await expectNeverOffline(page);
    });

    it('refreshes the token over HTTP and stays authenticated on the reopened socket', async () => {
      await openClient(page, target.port);
      await login(page);
      expect(await currentUser(page)).toBe(USER.username);
      const loggedInOn = (await waitFor(sockets.frames$, (frame) => isRequest(frame, 'getCurrentUser'), 'getCurrentUser')).socket;

      const result = await page.evaluate(async (ms) => {
        const w = window as unknown as PageWindow;
        const R = w.KuzzleRx;
        return { ...(await R.firstValueFrom(w.kuzzle.auth.refreshToken('1h').pipe(R.timeout(ms)))) };
      }, WAIT_MS);
      expect(Object.keys(result).sort()).toEqual(['_id', 'expiresAt', 'ttl']);
      expect(await pageJwt(page)).toBeNull();
      expect(await currentUser(page)).toBe(USER.username);
      await waitFor(
        sockets.frames$,
        (frame) => isRequest(frame, 'getCurrentUser') && frame.socket > loggedInOn,
        'getCurrentUser after refreshToken',
      );
      expect(sockets.frames.filter((frame) => isRequest(frame, 'refreshToken'))).toEqual([]);
      expect(await authCookies()).toEqual([expect.objectContaining({ httpOnly: true })]);
      await expectNeverOffline(page);
    });

    it('logs out: the session is anonymous again, the old cookie is gone and its token refused', async () => {
      await openClient(page, target.port);
      await login(page);
      expect(await currentUser(page)).toBe(USER.username);
      const [before] = await authCookies();
      expect(before?.value).toBeTruthy();

      await page.evaluate(async (ms) => {
        const w = window as unknown as PageWindow;
        const R = w.KuzzleRx;
        await R.firstValueFrom(w.kuzzle.auth.logout().pipe(R.timeout(ms)));
      }, WAIT_MS);
      expect(await currentUser(page)).toBe('-1');
      expect(await pageJwt(page)).toBeNull();
      expect((await authCookies()).map((cookie) => cookie.value)).not.toContain(before?.value);

      const checker = client(target);
      try {
        await firstValueFrom(checker.connect());
        expect((await firstValueFrom(checker.auth.checkToken(before?.value ?? ''))).valid).toBe(false);
      } finally {
        checker.disconnect();
      }
      await expectNeverOffline(page);
    });
  });
});
