import type { FaultProxyEvent, RefusalMode } from '../../src/testing';
import type { FaultBench } from './support/fault-bench';
import { faultRow, faultSuite } from './support/fault-suite';
import { pause } from './support/within';

const OUTAGE_MS = 3_000;

/** Random source of the jitter pinned to the middle: each delay is half its ceiling, so the attempts can be counted. */
const HALF = () => 0.5;

/** `25, 50, 200 x3`: a list with its repeats counted. */
function runs(values: readonly number[]): string {
  const counted: Array<[number, number]> = [];
  for (const value of values) {
    const last = counted.at(-1);
    if (last?.[0] === value) last[1]++;
    else counted.push([value, 1]);
  }
  return counted.map(([value, n]) => (n > 1 ? `${value} x${n}` : String(value))).join(', ');
}

/**
 * The link is cut and every new connection turned away for `OUTAGE_MS`, then accepted. Checks that each attempt
 * waited the delay announced before it (no storm), and counts them.
 */
async function turnedAway(bench: FaultBench, how: RefusalMode): Promise<void> {
  const refusedAt: number[] = [];
  const watching = bench.proxy.events$.subscribe((event: FaultProxyEvent) => {
    if (event.type === 'refused') refusedAt.push(Date.now());
  });
  bench.fault();
  bench.proxy.refuse(undefined, how);
  bench.proxy.all().cut();
  await pause(OUTAGE_MS);
  bench.proxy.accept();
  bench.healed();
  await bench.recovered();
  watching.unsubscribe();

  const waits = bench.log.ofType('reconnecting', bench.faultAt);
  // One announced wait before each attempt: every refused attempt, then the one that got through.
  expect(refusedAt.length, 'attempts turned away').toBe(waits.length - 1);
  waits.slice(0, refusedAt.length).forEach((wait, n) => {
    expect(refusedAt[n] ?? 0, `attempt ${n + 1} made after its ${wait.value.delay} ms wait`).toBeGreaterThanOrEqual(
      wait.at + wait.value.delay - 2,
    );
  });
  // With the jitter pinned, the delays are known: 25, 50, 100, 200, then 200 (the cap of 400, halved) until the end.
  const { reconnectionDelay, maxReconnectionDelay } = bench.options;
  const expected = waits.map(({ value }) => Math.floor(Math.min(maxReconnectionDelay, reconnectionDelay * 2 ** (value.attempt - 1)) / 2));
  expect(waits.map(({ value }) => value.delay)).toEqual(expected);
  bench.note(`${refusedAt.length} attempts turned away in ${OUTAGE_MS} ms; delays (ms): ${runs(expected)}`);
}

/** New connections are turned away for a while: a server that is down, or a balancer without backends. */
faultSuite('refusal', (suite) => {
  faultRow(
    suite,
    `connection refused (TCP reset) for ${OUTAGE_MS / 1000} s, then back`,
    { bench: { protocol: { random: HALF } } },
    async (bench) => {
      await turnedAway(bench, 'reset');
      await bench.finish({ losses: [{ origin: 'network', code: 1006 }] });
    },
  );

  faultRow(
    suite,
    `server accepts and closes at once for ${OUTAGE_MS / 1000} s: the backoff holds, no storm`,
    { bench: { protocol: { random: HALF } } },
    async (bench) => {
      await turnedAway(bench, 'close');
      await bench.finish({ losses: [{ origin: 'network', code: 1006 }] });
    },
  );
});
