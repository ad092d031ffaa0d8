/**
 * What bench/main.ts and bench/baseline.ts measure alike: the embedded server in its own process, the heap after a
 * collection, medians, and the two kuzzle-rx measures, written against the part of the API every version has.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { count, filter, firstValueFrom, lastValueFrom, mergeMap, range, take, toArray, type Observable } from 'rxjs';

export const REQUESTS = 5000;
export const CONCURRENCY = 50;
export const SUBSCRIPTIONS = 2000;

/** The part of a kuzzle-rx client (this version or an earlier one) that the measures use. */
export interface MeasuredClient {
  connect(): Observable<void>;
  disconnect(): void;
  readonly events$: Observable<{ readonly type: string }>;
  readonly server: { now(): Observable<number> };
  readonly realtime: {
    subscribe(index: string, collection: string, filters: Record<string, unknown>): Observable<unknown>;
    publish(index: string, collection: string, message: Record<string, unknown>): Observable<unknown>;
  };
}

export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The heap in use after a full collection (run node with --expose-gc). */
export const heap = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

/** `server:now` calls per second, `CONCURRENCY` in flight. */
export async function requestRate(kuzzle: MeasuredClient): Promise<number> {
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

/** Heap bytes per realtime subscription, `SUBSCRIPTIONS` distinct rooms, once all acknowledged. */
export async function subscriptionHeap(kuzzle: MeasuredClient): Promise<number> {
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
  const held = [];
  for (let i = 0; i < SUBSCRIPTIONS; i++) held.push(kuzzle.realtime.subscribe('bench', 'c', { equals: { n: i } }).subscribe());
  await acknowledged;
  const perSubscription = (heap() - before) / SUBSCRIPTIONS;
  for (const s of held) s.unsubscribe();
  kuzzle.disconnect();
  return perSubscription;
}

/** Starts bench/server.ts in a child process; resolves with its URL and a function that stops it. */
export async function embeddedServer(): Promise<{ url: string; stop: () => Promise<void> }> {
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
