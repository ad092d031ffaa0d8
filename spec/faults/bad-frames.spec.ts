import type { DiscardReason } from '../../src';
import type { FaultBench } from './support/fault-bench';
import { faultRow, faultSuite } from './support/fault-suite';
import { until } from './support/within';

const MB = 1_000_000;

/** A document notification as the server would send it to `room`. */
function notification(room: string, id: string, source: Record<string, unknown>): string {
  return JSON.stringify({
    type: 'document',
    status: 200,
    action: 'create',
    scope: 'in',
    event: 'write',
    result: { _id: id, _source: source, _version: 1 },
    index: 'nowhere',
    collection: 'c',
    controller: 'document',
    protocol: 'websocket',
    requestId: null,
    timestamp: Date.now(),
    volatile: null,
    room,
  });
}

/** Injects frames and waits until `events$` reported each as discarded for `reason`. */
async function discarded(bench: FaultBench, reason: DiscardReason, frames: ReadonlyArray<string | Uint8Array>): Promise<void> {
  const before = bench.log.discardedFor(reason);
  const link = await bench.link();
  for (const frame of frames) link.inject(frame);
  await until(() => bench.log.discardedFor(reason) >= before + frames.length, 10_000, `${frames.length} "${reason}" discards`);
  expect(bench.log.discardedFor(reason)).toBe(before + frames.length);
}

function heapAfterCollection(): number {
  if (typeof gc !== 'function') throw new Error('run with --expose-gc (vitest.faults.config.ts does)');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Frames the client cannot use, put on the wire by the proxy as if the server sent them. */
faultSuite('bad frames', (suite) => {
  faultRow(suite, 'malformed frame (not JSON): discarded, link stays up', {}, async (bench) => {
    await discarded(bench, 'not-json', ['{"status":200,"requestId":', 'not json at all']);
    await bench.finish({ losses: [] });
  });

  faultRow(suite, 'frame of an unknown shape: discarded, link stays up', {}, async (bench) => {
    await discarded(bench, 'unexpected-shape', ['{"hello":"world"}', '[1,2,3]', '42', '{"type":"document","room":"r"}']);
    await bench.finish({ losses: [] });
  });

  faultRow(suite, 'binary frame: discarded, link stays up', {}, async (bench) => {
    await discarded(bench, 'binary', [new Uint8Array([0x7b, 0x7d]), new Uint8Array(1024).fill(0xff)]);
    await bench.finish({ losses: [] });
  });

  faultRow(suite, 'truncated frame (cut short, then the link cut)', {}, async (bench) => {
    const link = await bench.link();
    bench.fault();
    link.truncateNext(20);
    expect((await bench.log.next('disconnected', bench.faultAt, 5_000)).value).toMatchObject({ origin: 'network', code: 1006 });
    await bench.recovered();
    await bench.finish({ losses: [{ origin: 'network', code: 1006 }] });
  });

  faultRow(suite, '10 MB frame from the server (a notification, under the 100 MiB maxPayload)', {}, async (bench) => {
    const [room] = bench.rooms;
    const [probe] = bench.subscriptions;
    if (!room || !probe) throw new Error('no subscription');
    const pad = 'x'.repeat(10 * MB);
    (await bench.link()).inject(notification(room.channel, 'big', { seq: 0, pad }));
    await until(() => probe.padLengths.has('big'), 10_000, 'the 10 MB notification delivered');
    expect(probe.padLengths.get('big')).toBe(10 * MB);
    await bench.finish({ losses: [] });
  });

  faultRow(suite, 'flood of 40000 notifications for unknown rooms: discarded, nothing retained', {}, async (bench) => {
    const before = heapAfterCollection();
    const frames = Array.from({ length: 40_000 }, (_, n) => notification(`no-such-room-${n}`, `flood-${n}`, { n, pad: 'y'.repeat(200) }));
    const injected = frames.reduce((bytes, frame) => bytes + frame.length, 0);
    await discarded(bench, 'unknown-room', frames);
    frames.length = 0;
    const growth = heapAfterCollection() - before;
    bench.note(`heap growth after ${(injected / MB).toFixed(1)} MB injected: ${(growth / MB).toFixed(2)} MB`);
    // Retaining the frames, or anything per unknown room, would keep at least what was injected.
    expect(growth, 'heap growth (bytes)').toBeLessThan(injected / 4);
    await bench.finish({ losses: [] });
  });
});
