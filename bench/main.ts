/**
 * Side-by-side benchmarks of kuzzle-rx and the official kuzzle-sdk, in one run, on the same server:
 * request throughput, memory per subscription, and the browser bundle sizes (bench/bundle.ts, of the published build:
 * `npm run bench` builds it first). Uses KUZZLE_URL when set, else an embedded server. Prints one table per measure.
 * `--only <measure>` runs one of them: `throughput`, `subscriptions` or `bundle`
 * (`node --expose-gc --import tsx bench/main.ts --only subscriptions`, no build needed).
 */
import sdk from 'kuzzle-sdk';
import { count, filter, firstValueFrom, lastValueFrom, mergeMap, range, take, toArray } from 'rxjs';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Kuzzle, WebSocketProtocol } from '../src';
import { bundleRows } from './bundle';

// kuzzle-sdk is CommonJS: its named exports are read from the default one.
const { Kuzzle: SdkKuzzle, WebSocket: SdkWebSocket } = sdk;

const REQUESTS = 5000;
const CONCURRENCY = 50;
const SUBSCRIPTIONS = 2000;
const ROUNDS = 5;

type Measure = 'throughput' | 'subscriptions' | 'bundle';
const MEASURES: readonly Measure[] = ['throughput', 'subscriptions', 'bundle'];

/** The measures asked for on the command line: every one, or the one after `--only`. */
function measures(argv: readonly string[]): readonly Measure[] {
  const at = argv.indexOf('--only');
  if (at === -1) return MEASURES;
  const name = argv[at + 1];
  const measure = MEASURES.find((m) => m === name);
  if (!measure) throw new Error(`--only takes one of ${MEASURES.join(', ')}, got ${String(name)}`);
  return [measure];
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

interface Row {
  readonly measure: string;
  readonly rx: string;
  readonly sdk: string;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const heap = (): number => {
  gc();
  return process.memoryUsage().heapUsed;
};

async function throughputRx(host: string, port: number): Promise<number> {
  const kuzzle = new Kuzzle(new WebSocketProtocol(host, { port }));
  await firstValueFrom(kuzzle.connect());
  const start = performance.now();
  await lastValueFrom(
    range(0, REQUESTS).pipe(
      mergeMap(() => kuzzle.server.now(), CONCURRENCY),
      toArray(),
    ),
  );
  const elapsed = performance.now() - start;
  kuzzle.disconnect();
  return (REQUESTS / elapsed) * 1000;
}

async function throughputSdk(host: string, port: number): Promise<number> {
  const official = new SdkKuzzle(new SdkWebSocket(host, { port }));
  await official.connect();
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      next++;
      await official.server.now({});
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = performance.now() - start;
  official.disconnect();
  return (REQUESTS / elapsed) * 1000;
}

async function subscriptionsRx(host: string, port: number): Promise<number> {
  const kuzzle = new Kuzzle(new WebSocketProtocol(host, { port }));
  await firstValueFrom(kuzzle.connect());
  const before = heap();
  // Counted, not collected: the measure must not include the events themselves.
  const acknowledged = firstValueFrom(
    kuzzle.events$.pipe(
      filter((e) => e.type === 'subscribed'),
      take(SUBSCRIPTIONS),
      count(),
    ),
  );
  const subscriptions = [];
  for (let i = 0; i < SUBSCRIPTIONS; i++) {
    subscriptions.push(kuzzle.realtime.subscribe('bench', 'c', { equals: { n: i } }).subscribe());
  }
  await acknowledged;
  const perSubscription = (heap() - before) / SUBSCRIPTIONS;
  for (const s of subscriptions) s.unsubscribe();
  kuzzle.disconnect();
  return perSubscription;
}

async function subscriptionsSdk(host: string, port: number): Promise<number> {
  const official = new SdkKuzzle(new SdkWebSocket(host, { port }));
  await official.connect();
  const before = heap();
  const rooms = await Promise.all(
    Array.from({ length: SUBSCRIPTIONS }, (_, i) => official.realtime.subscribe('bench', 'c', { equals: { n: i } }, () => undefined)),
  );
  const perSubscription = (heap() - before) / SUBSCRIPTIONS;
  await Promise.all(rooms.map((room) => official.realtime.unsubscribe(room)));
  official.disconnect();
  return perSubscription;
}

/** Starts bench/server.ts in a child process; resolves with its URL and a function that stops it. */
async function embeddedServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./server.ts', import.meta.url).pathname], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  for await (const chunk of child.stdout) {
    output += String(chunk);
    if (output.includes('\n')) break;
  }
  const url = output.trim();
  if (!url.startsWith('ws')) throw new Error(`the embedded server did not start: ${url}`);
  return {
    url,
    stop: async () => {
      child.stdin.end();
      await once(child, 'exit');
    },
  };
}

async function main(): Promise<void> {
  const url = process.env['KUZZLE_URL'];
  const embedded = url ? undefined : await embeddedServer();
  const target = new URL(url ?? embedded!.url);
  const host = target.hostname;
  const port = Number(target.port || 7512);
  console.log(
    `server: ${url ? target.href : `embedded (${target.href})`}; gc exposed: ${typeof (globalThis as { gc?: unknown }).gc === 'function'}`,
  );

  const rows: Row[] = [];
  const run = measures(process.argv.slice(2));
  if (run.includes('throughput')) {
    // Alternate rounds so that both clients see the same load noise; keep the median of each.
    const rxRates: number[] = [];
    const sdkRates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rxRates.push(await throughputRx(host, port));
      sdkRates.push(await throughputSdk(host, port));
    }
    const rxRate = median(rxRates);
    const sdkRate = median(sdkRates);
    rows.push({
      measure: `server:now, ${REQUESTS} requests, ${CONCURRENCY} in flight (median of ${ROUNDS})`,
      rx: `${rxRate.toFixed(0)} req/s`,
      sdk: `${sdkRate.toFixed(0)} req/s`,
    });
  }

  if (run.includes('subscriptions')) {
    const rxSub = await subscriptionsRx(host, port);
    const sdkSub = await subscriptionsSdk(host, port);
    rows.push({
      measure: `heap per subscription (${SUBSCRIPTIONS} rooms)`,
      rx: `${(rxSub / 1024).toFixed(2)} KB`,
      sdk: `${(sdkSub / 1024).toFixed(2)} KB`,
    });
  }

  if (run.includes('bundle')) rows.push(...(await bundleRows()));

  console.table(rows.map((row) => ({ measure: row.measure, 'kuzzle-rx': row.rx, 'kuzzle-sdk 7': row.sdk })));
  await embedded?.stop();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
