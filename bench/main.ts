/**
 * Side-by-side benchmarks of kuzzle-rx and the official kuzzle-sdk, in one run, on the same server:
 * request throughput, memory per subscription, and the browser bundle sizes (bench/bundle.ts, of the published build:
 * `npm run bench` builds it first). Uses KUZZLE_URL when set, else an embedded server. Prints one table per measure.
 * `--only <measure>` runs one of them: `throughput`, `subscriptions` or `bundle`
 * (`node --expose-gc --import tsx bench/main.ts --only subscriptions`, no build needed).
 */
import sdk from 'kuzzle-sdk';
import { Kuzzle, WebSocketProtocol } from '../src';
import { bundleRows } from './bundle';
import { CONCURRENCY, embeddedServer, heap, median, requestRate, REQUESTS, subscriptionHeap, SUBSCRIPTIONS } from './measure';

// kuzzle-sdk is CommonJS: its named exports are read from the default one.
const { Kuzzle: SdkKuzzle, WebSocket: SdkWebSocket } = sdk;

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

interface Row {
  readonly measure: string;
  readonly rx: string;
  readonly sdk: string;
}

const throughputRx = (host: string, port: number): Promise<number> => requestRate(new Kuzzle(new WebSocketProtocol(host, { port })));

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

const subscriptionsRx = (host: string, port: number): Promise<number> =>
  subscriptionHeap(new Kuzzle(new WebSocketProtocol(host, { port })));

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
