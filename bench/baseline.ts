/**
 * kuzzle-rx against an earlier kuzzle-rx, side by side in one run, on the same embedded server: request throughput,
 * notification throughput, heap per subscription, and the browser bundle of `Kuzzle` (both built from their sources
 * by esbuild, the same way). The earlier one is a checkout of this repository (its sources are imported as they are):
 *
 *   git worktree add /tmp/kuzzle-rx-before <commit> && ln -s "$PWD/node_modules" /tmp/kuzzle-rx-before/node_modules
 *   node --expose-gc --import tsx bench/baseline.ts /tmp/kuzzle-rx-before
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { count, filter, firstValueFrom, lastValueFrom, mergeMap, range, take, toArray } from 'rxjs';
import { CONCURRENCY, embeddedServer, median, requestRate, subscriptionHeap, type MeasuredClient } from './measure';

const NOTIFICATIONS = 5000;
const ROUNDS = 5;

interface Version {
  readonly name: string;
  readonly client: (host: string, port: number) => MeasuredClient;
  readonly entry: string;
}

async function load(name: string, root: string): Promise<Version> {
  const entry = resolve(root, 'src/index.ts');
  const module = (await import(pathToFileURL(entry).href)) as {
    Kuzzle: new (protocol: unknown) => MeasuredClient;
    WebSocketProtocol: new (host: string, options: { port: number }) => unknown;
  };
  return { name, entry, client: (host, port) => new module.Kuzzle(new module.WebSocketProtocol(host, { port })) };
}

const requests = (version: Version, host: string, port: number): Promise<number> => requestRate(version.client(host, port));
const subscriptions = (version: Version, host: string, port: number): Promise<number> => subscriptionHeap(version.client(host, port));

async function notifications(version: Version, host: string, port: number): Promise<number> {
  const listener = version.client(host, port);
  const publisher = version.client(host, port);
  await firstValueFrom(listener.connect());
  await firstValueFrom(publisher.connect());
  const room = `bench-${version.name}-${Math.random().toString(36).slice(2)}`;
  const subscribed = firstValueFrom(listener.events$.pipe(filter((event) => event.type === 'subscribed')));
  const received = firstValueFrom(listener.realtime.subscribe('bench', room, {}).pipe(take(NOTIFICATIONS), count()));
  await subscribed;
  const start = performance.now();
  await lastValueFrom(
    range(0, NOTIFICATIONS).pipe(
      mergeMap((n) => publisher.realtime.publish('bench', room, { n }), CONCURRENCY),
      toArray(),
    ),
  );
  await received;
  const elapsed = performance.now() - start;
  listener.disconnect();
  publisher.disconnect();
  return (NOTIFICATIONS / elapsed) * 1000;
}

async function bundle(version: Version): Promise<{ min: number; gzip: number }> {
  const result = await build({
    stdin: {
      contents: `export { Kuzzle, WebSocketProtocol } from ${JSON.stringify(version.entry)};`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    external: ['ws', 'koncorde', '@angular/core'],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { min: code.byteLength / 1024, gzip: gzipSync(code).byteLength / 1024 };
}

async function main(): Promise<void> {
  const baselineRoot = process.argv[2];
  if (!baselineRoot) throw new Error('usage: bench/baseline.ts <checkout of the earlier version>');
  const versions = [await load('now', resolve(import.meta.dirname, '..')), await load('before', baselineRoot)];
  const server = await embeddedServer();
  const { hostname, port } = new URL(server.url);
  const results = new Map<string, { requests: number[]; notifications: number[]; heap: number[] }>();
  for (const version of versions) results.set(version.name, { requests: [], notifications: [], heap: [] });
  // Alternate the versions round by round, so that both see the same load noise; keep the median of each.
  for (let round = 0; round < ROUNDS; round++) {
    for (const version of round % 2 === 0 ? versions : [...versions].reverse()) {
      const row = results.get(version.name);
      row?.requests.push(await requests(version, hostname, Number(port)));
      row?.notifications.push(await notifications(version, hostname, Number(port)));
      row?.heap.push(await subscriptions(version, hostname, Number(port)));
    }
  }
  await server.stop();
  console.log('| measure | ' + versions.map((v) => `kuzzle-rx ${v.name}`).join(' | ') + ' |');
  console.log('| --- | ' + versions.map(() => '---').join(' | ') + ' |');
  const line = (label: string, cell: (v: Version) => string) => console.log(`| ${label} | ${versions.map(cell).join(' | ')} |`);
  line('`server:now`, req/s (median of 5)', (v) => median(results.get(v.name)?.requests ?? []).toFixed(0));
  line('notifications received, /s (median of 5)', (v) => median(results.get(v.name)?.notifications ?? []).toFixed(0));
  line('heap per subscription, KB (median of 5)', (v) => (median(results.get(v.name)?.heap ?? []) / 1024).toFixed(3));
  const sizes = await Promise.all(versions.map((v) => bundle(v)));
  line('`Kuzzle` bundle, min / gzip KB', (v) => {
    const size = sizes[versions.indexOf(v)];
    return size ? `${size.min.toFixed(1)} / ${size.gzip.toFixed(1)}` : '';
  });
}

await main();
process.exit(0);
