import { firstValueFrom } from 'rxjs';
import { ConnectionLostError, type Kuzzle } from '../../src';
import { isKuzzleNotification } from '../../src/testing';
import { RECOVERY_SLACK_MS } from './support/fault-bench';
import { faultRow, faultSuite } from './support/fault-suite';
import { pause, until, within } from './support/within';

/** A batch of reads and writes sent at once, and how each ended. */
function batch(kuzzle: Kuzzle, index: string, collection: string) {
  const settle = <T>(p: Promise<T>) =>
    p.then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
  const reads = [0, 1, 2].map(() => settle(firstValueFrom(kuzzle.server.now())));
  const writes = [0, 1, 2].map((n) => settle(firstValueFrom(kuzzle.document.create(index, collection, { seq: 900_000 + n }))));
  return { reads, writes };
}

/** The TCP connection goes: no close frame, the client sees 1006. */
faultSuite('link loss', (suite) => {
  faultRow(suite, 'TCP cut mid-request (responses held back, then the link cut)', {}, async (bench) => {
    const link = await bench.link();
    // Responses are held by the proxy: the requests reach the server and are in flight when the link is cut.
    link.latency({ toClient: 1_000 });
    const sent = bench.wire.counts().length;
    const { reads, writes } = await batch(bench.kuzzle, suite.index, bench.collection);
    await until(() => bench.wire.counts().length >= sent + 6, 5_000, 'the batch reaching the server');
    bench.fault();
    link.cut();
    expect((await bench.log.next('disconnected', bench.faultAt, 5_000)).value).toMatchObject({ origin: 'network', code: 1006 });
    await bench.recovered();
    // Reads are re-sent and answered; writes the server may have applied fail rather than being sent twice.
    for (const read of await within(Promise.all(reads), 15_000, 'the reads in flight')) expect(read).toMatchObject({ ok: true });
    for (const write of await within(Promise.all(writes), 15_000, 'the writes in flight')) {
      expect(write.ok ? write.value : write.error).toBeInstanceOf(ConnectionLostError);
    }
    for (const n of [0, 1, 2]) expect(bench.wire.createsOf(900_000 + n), `write ${n} sent once`).toBe(1);
    await bench.finish({ losses: [{ origin: 'network', code: 1006 }] });
  });

  faultRow(suite, 'TCP cut mid-notification (a frame cut short in a burst of notifications)', {}, async (bench) => {
    const link = await bench.link();
    // Each write notifies three subscriptions: on the first notification of a burst, the next frame is cut short.
    let armed = true;
    link.swallow('toClient', (frame) => {
      if (armed && isKuzzleNotification(frame)) {
        armed = false;
        bench.fault();
        link.truncateNext(40);
      }
      return false;
    });
    const { other, index } = suite;
    for (let n = 0; n < 5; n++)
      await within(firstValueFrom(other.document.create(index, bench.collection, { seq: 800_000 + n })), 5_000, 'burst');
    await until(() => !armed, 5_000, 'a notification through the proxy');
    expect((await bench.log.next('disconnected', bench.faultAt, 5_000)).value).toMatchObject({ origin: 'network', code: 1006 });
    await bench.recovered();
    await bench.finish({ losses: [{ origin: 'network', code: 1006 }] });
  });

  faultRow(
    suite,
    'everything lost for 2 s, longer than the reconnection cap (400 ms): handshakes swallowed too',
    { bench: { protocol: { connectTimeout: 500 } } },
    async (bench) => {
      bench.fault();
      bench.proxy.all().freeze();
      await pause(2_000);
      // Attempts were made, and failed, meanwhile.
      expect(bench.log.ofType('reconnecting', bench.faultAt).length, 'attempts during the outage').toBeGreaterThanOrEqual(3);
      bench.proxy.all().thaw();
      bench.healed();
      // An attempt under way when the link came back may still wait for its swallowed handshake: connectTimeout.
      await bench.recovered(bench.options.connectTimeout);
      bench.note(`${bench.log.ofType('reconnecting', bench.faultAt).length} reconnection attempts announced`);
      await bench.finish({ losses: [{ origin: 'ping-timeout' }] });
    },
  );

  faultRow(
    suite,
    'five reconnections within one second (cut again as soon as reconnected; time: all five)',
    { bench: { protocol: { reconnectionDelay: 20, maxReconnectionDelay: 100 } } },
    async (bench) => {
      bench.fault();
      for (let n = 1; n <= 5; n++) {
        (await bench.link()).cut();
        // Counted, not timed: the n-th reconnection since the fault (a clock reading can share its millisecond with
        // the reconnection before it).
        await bench.log.nth('reconnected', n, bench.faultAt, 10_000);
      }
      const last = bench.log.ofType('reconnected', bench.faultAt).at(-1);
      // Five recoveries, each within the bound of one.
      bench.record((last?.at ?? Infinity) - bench.faultAt, 4 * (bench.options.maxReconnectionDelay + RECOVERY_SLACK_MS));
      await bench.finish({
        losses: Array.from({ length: 5 }, () => ({ origin: 'network' as const, code: 1006 })),
        // A read re-sent on a new link is in flight again at the next cut: at the third loss in a row it is given up
        // (maxResends: 2), as documented, rather than re-sent for ever.
        errors: { reads: ['RequestUnsafeToResendError'] },
      });
    },
  );
});
