/**
 * A soak of the client, compressed to a few minutes: `Kuzzle` connected through a fault proxy (in its own process) to
 * the embedded server (in its own process too) or to the real Kuzzle, holding 100 realtime subscriptions under a
 * steady load (200 `server:now`/s, 5 `document:create`/s that each notify one subscription), while the proxy forces a
 * reconnection every few seconds (TCP cut, seen as 1006, and close frame 1001, in turn). Measures the heap after a
 * collection once warmed up (after 2 reconnections) and at the end, how every request ended, the notifications of the
 * writes made between two losses, and, at the end, what is still pending and the rooms the server holds.
 *
 *   npm run bench:soak -- [--minutes 3] [--target embedded|real] [--every 5]
 *   KUZZLE_URL=ws://127.0.0.1:7512 npm run bench:soak -- --target real --minutes 2
 *
 * Prints a progress line every 15 s and one table at the end; exits 1 when the heap grew over 10 % or a count is off.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { filter, firstValueFrom, interval, timeout } from 'rxjs';
import { Kuzzle, WebSocketProtocol } from '../src';
import { NotificationLedger } from './soak/notification-ledger';
import { EventTally } from './soak/event-tally';
import { RemoteFaultProxy } from './soak/remote-fault-proxy';
import { RequestTally } from './soak/request-tally';
import { serverRooms } from './soak/server-rooms';
import { settledHeap, type SettledHeap } from './soak/settled-heap';
import { soakArguments, type SoakArguments } from './soak/soak-arguments';
import { startLoad, type LoadPlan, type SoakLoad } from './soak/soak-load';
import { megabytes, printReport, type SoakRow } from './soak/soak-report';
import { SoakRooms } from './soak/soak-rooms';
import { startSoakServer, type SoakServer } from './soak/soak-server';

const SLOTS = 100;
const READS_PER_SECOND = 200;
const WRITES_PER_SECOND = 5;
/** A write answered less than this before a link loss may lose its notification with the link. */
const GRACE_MS = 1000;
const WARM_UP_RECONNECTIONS = 2;
const HEAP_LIMIT = 0.1;
const PROGRESS_MS = 15_000;
const RECONNECTION_LIMIT_MS = 20_000;
/** Longer than the default `requestTimeout` (30 s): by then every request must have ended one way or another. */
const DRAIN_LIMIT_MS = 35_000;
const PROBE_LIMIT_MS = 10_000;

const elapsed = (since: number): string => {
  const seconds = Math.round((Date.now() - since) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

const median = (values: Float64Array): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Stops the load; false when some request has not ended within DRAIN_LIMIT_MS. */
const drain = (load: SoakLoad): Promise<boolean> => Promise.race([load.stop().then(() => true), sleep(DRAIN_LIMIT_MS).then(() => false)]);

async function soak(args: SoakArguments, server: SoakServer, proxy: RemoteFaultProxy): Promise<readonly SoakRow[]> {
  const kuzzle = new Kuzzle(new WebSocketProtocol('127.0.0.1', { port: proxy.port }));
  const events = new EventTally(kuzzle);
  await firstValueFrom(kuzzle.connect());
  const index = `soak-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const collection = 'rooms';
  await firstValueFrom(kuzzle.index.create(index));
  await firstValueFrom(kuzzle.collection.create(index, collection));

  const durationMs = args.minutes * 60_000;
  const ledger = new NotificationLedger(Math.ceil((durationMs / 1000) * WRITES_PER_SECOND * 1.5) + 100, GRACE_MS);
  const rooms = new SoakRooms(kuzzle, index, collection, SLOTS, ledger);
  await rooms.open();
  const tallies = { reads: new RequestTally('server:now'), writes: new RequestTally('document:create') };
  const plan: LoadPlan = { index, collection, slots: SLOTS, readsPerSecond: READS_PER_SECOND, writesPerSecond: WRITES_PER_SECOND };
  const restorationMs = new Float64Array(Math.ceil(durationMs / (args.every * 1000)) + 1);
  let reconnections = 0;
  let warmHeap: SettledHeap = { used: 0, code: 0 };
  let warmDrained = true;
  let stuck = false;

  const started = Date.now();
  let load = startLoad(kuzzle, plan, tallies, ledger);
  const progress = interval(PROGRESS_MS).subscribe(() => {
    const { reads, writes } = tallies;
    console.log(
      `[${elapsed(started)}] ${reconnections} reconnections | server:now ${reads.answered}/${reads.sent} answered, ` +
        `${reads.failed} failed | writes ${writes.answered}/${writes.sent} (${writes.failed} failed) | ` +
        `notifications ${rooms.notifications} | heap ${megabytes(process.memoryUsage().heapUsed)} (before GC)`,
    );
  });

  while (Date.now() - started + args.every * 1000 <= durationMs) {
    await sleep(args.every * 1000);
    const lost = firstValueFrom(kuzzle.events$.pipe(filter((event) => event.type === 'disconnected')));
    const back = firstValueFrom(
      kuzzle.events$.pipe(
        filter((event) => event.type === 'reconnected'),
        timeout(RECONNECTION_LIMIT_MS),
      ),
    );
    const at = Date.now();
    if (reconnections % 2 === 0) await proxy.cut();
    else await proxy.close(1001, 'soak: going away');
    // Nothing comes from the old socket once the client saw it go: from then on, count back the grace.
    await lost;
    ledger.linkLost(Date.now());
    const restored = await back.then(
      () => true,
      () => false,
    );
    if (!restored) {
      stuck = true;
      console.log(`[${elapsed(started)}] no reconnection within ${RECONNECTION_LIMIT_MS} ms: stopping`);
      break;
    }
    restorationMs[reconnections++] = Date.now() - at;
    ledger.restored();
    if (reconnections === WARM_UP_RECONNECTIONS) {
      // Measured with nothing in flight, as at the end.
      warmDrained = await drain(load);
      warmHeap = await settledHeap();
      console.log(`[${elapsed(started)}] warmed up after ${reconnections} reconnections: heap ${megabytes(warmHeap.used)} after GC`);
      load = startLoad(kuzzle, plan, tallies, ledger);
    }
  }

  const endDrained = await drain(load);
  await sleep(GRACE_MS);
  const endHeap = await settledHeap();
  progress.unsubscribe();
  const minutes = (Date.now() - started) / 60_000;
  const delivering = await rooms.probe(PROBE_LIMIT_MS);
  const listed = await serverRooms(kuzzle, index, collection);
  const proxyStatus = await proxy.status();
  await firstValueFrom(kuzzle.index.delete(index)).catch((error: unknown) => console.log(`cleanup: ${String(error)}`));
  events.stop();
  rooms.close();
  kuzzle.disconnect();

  const growth = warmHeap.used > 0 ? (endHeap.used - warmHeap.used) / warmHeap.used : Infinity;
  const { reads, writes } = tallies;
  const notified = ledger.summary();
  const forced = stuck ? reconnections + 1 : reconnections;
  const times = restorationMs.subarray(0, reconnections);
  const pending = reads.inFlight + writes.inFlight;
  return [
    { measure: 'target', value: server.label },
    { measure: 'run', value: `${minutes.toFixed(1)} min, a reconnection forced every ${args.every} s (TCP cut / close 1001, in turn)` },
    { measure: `heap after GC, warmed up (${WARM_UP_RECONNECTIONS} reconnections)`, value: megabytes(warmHeap.used) },
    { measure: 'heap after GC, at the end', value: megabytes(endHeap.used) },
    {
      measure: 'heap growth (limit 10 %)',
      value: warmHeap.used > 0 ? `${(growth * 100).toFixed(1)} %` : `not warmed up (fewer than ${WARM_UP_RECONNECTIONS} reconnections)`,
      ok: growth <= HEAP_LIMIT,
    },
    { measure: 'of which V8 code space (JIT)', value: `${((endHeap.code - warmHeap.code) / 1024).toFixed(0)} KB` },
    {
      measure: 'reconnections (done / forced)',
      value: `${reconnections} / ${forced} (disconnected: ${events.text('disconnected')})`,
      ok: !stuck && events.get('reconnected') === reconnections,
    },
    { measure: 'fault to reconnected, median / max', value: `${median(times).toFixed(0)} / ${Math.max(0, ...times).toFixed(0)} ms` },
    {
      measure: 'subscriptions restored (resubscribed events)',
      value: `${events.get('resubscribed')} (expected ${SLOTS} x ${reconnections})`,
      ok: events.get('resubscribed') === SLOTS * reconnections,
    },
    {
      measure: 'server:now sent / answered / failed',
      value: `${reads.sent} / ${reads.answered} / ${reads.failed} (${(reads.sent / (minutes * 60)).toFixed(0)} req/s)`,
      // Read-only: sent again after each reconnection, so none should fail.
      ok: reads.failed === 0,
    },
    { measure: 'server:now failures by class', value: reads.failuresText() },
    { measure: 'document:create sent / answered / failed', value: `${writes.sent} / ${writes.answered} / ${writes.failed}` },
    { measure: 'document:create failures by class', value: writes.failuresText() },
    {
      measure: 'requests pending at the end (every Observable ended)',
      value: `${pending} (expected 0${endDrained && warmDrained ? '' : `; not drained within ${DRAIN_LIMIT_MS} ms`})`,
      ok: pending === 0 && endDrained && warmDrained,
    },
    {
      measure: 'notifications of writes answered while the link stayed up',
      value: `${notified.expectedNotified} / ${notified.expected}; all in ${notified.completeWindows} / ${notified.windows} windows between losses`,
      ok: notified.expectedNotified === notified.expected,
    },
    {
      measure: `notifications of writes answered < ${GRACE_MS} ms before a loss`,
      value: `${notified.atRiskNotified} / ${notified.atRisk} (not checked: may go with the link)`,
    },
    { measure: 'failed writes notified all the same (answer lost)', value: String(notified.failedNotified) },
    {
      measure: 'duplicate / misrouted / stray notifications',
      value: `${notified.duplicates} / ${rooms.misrouted} / ${notified.strays}`,
      ok: notified.duplicates + rooms.misrouted + notified.strays === 0,
    },
    { measure: 'subscriptions errored', value: String(rooms.errors), ok: rooms.errors === 0 },
    { measure: 'subscriptions delivering at the end (one write each)', value: `${delivering} / ${SLOTS}`, ok: delivering === SLOTS },
    {
      measure: 'rooms on the server (realtime:list), subscribers',
      value: `${listed.rooms}, ${listed.subscribers} (expected ${SLOTS}, ${SLOTS})`,
      ok: listed.rooms === SLOTS && listed.subscribers === SLOTS,
    },
    { measure: 'proxy connections open at the end', value: `${proxyStatus.live} (expected 1)`, ok: proxyStatus.live === 1 },
    {
      measure: 'offline queue, discarded frames',
      value: `queued ${events.get('queued')}, replayed ${events.get('replayed')}, dropped ${events.text('dropped')}; discarded ${events.text('discarded')}`,
    },
  ];
}

async function main(): Promise<number> {
  const args = soakArguments(process.argv.slice(2), process.env);
  const server = await startSoakServer(args);
  const proxy = await RemoteFaultProxy.start({ host: server.host, port: server.port });
  console.log(`soak: ${args.minutes} min on the ${server.label}, through a fault proxy on port ${proxy.port}`);
  try {
    const failed = printReport(await soak(args, server, proxy));
    console.log(failed.length === 0 ? 'soak: ok' : `soak: FAIL (${failed.join('; ')})`);
    return failed.length === 0 ? 0 : 1;
  } finally {
    await proxy.stop();
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
