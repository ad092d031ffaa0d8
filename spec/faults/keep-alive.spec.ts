import { isKuzzlePong } from '../../src/testing';
import type { FaultBench } from './support/fault-bench';
import { faultRow, faultSuite } from './support/fault-suite';

/** How late the keep-alive may report a silent link beyond `pingInterval + pongTimeout` on a busy machine. */
const DETECTION_SLACK_MS = 500;

/** The link is declared dead by the keep-alive (`ping-timeout`) within `pingInterval + pongTimeout`, and recovers. */
async function foundByKeepAlive(bench: FaultBench): Promise<void> {
  const lost = await bench.log.next('disconnected', bench.faultAt, 5_000);
  expect(lost.value).toMatchObject({ origin: 'ping-timeout' });
  const { pingInterval, pongTimeout } = bench.options;
  expect(lost.at - bench.faultAt, 'detection time').toBeLessThanOrEqual(pingInterval + pongTimeout + DETECTION_SLACK_MS);
  // Counted from the fault (new connections work at once): the detection is part of the recovery.
  await bench.recovered(pingInterval + pongTimeout);
}

/** Faults only the keep-alive can find: nothing closes, frames just stop coming. */
faultSuite('keep-alive', (suite) => {
  faultRow(suite, 'link freezes (half-open), found by the keep-alive', {}, async (bench) => {
    const link = await bench.link();
    bench.fault();
    link.freeze();
    await foundByKeepAlive(bench);
    await bench.finish({ losses: [{ origin: 'ping-timeout' }] });
  });

  // With the workload paused, the pongs are all that would come back: whatever else may count as a sign of life,
  // nothing does here, so the link must be declared dead.
  faultRow(suite, 'only pongs lost (workload paused, so nothing else comes back)', {}, async (bench) => {
    bench.workload.stop();
    await bench.workload.settled(10_000);
    const link = await bench.link();
    bench.fault();
    link.swallow('toClient', isKuzzlePong);
    await foundByKeepAlive(bench);
    bench.workload.start();
    await bench.finish({ losses: [{ origin: 'ping-timeout' }] });
  });
});
