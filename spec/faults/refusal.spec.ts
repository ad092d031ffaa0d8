import type { FaultProxyEvent, RefusalMode } from '../../src/testing';
import type { FaultBench } from './support/fault-bench';
import { faultRow, faultSuite } from './support/fault-suite';
import { pause } from './support/within';

/** How long each outage lasts: a server down for 30 s, a server that accepts and closes at once for a minute. */
const REFUSED_MS = 30_000;
const CLOSING_MS = 60_000;

/**
 * Requests made during an outage that long wait for the connection until their `requestTimeout` (10 s): they end with
 * RequestTimeoutError, and a write in flight at the cut may end with ConnectionLostError.
 */
const LONG_OUTAGE_ERRORS = { reads: ['RequestTimeoutError'], writes: ['ConnectionLostError', 'RequestTimeoutError'] };

/** Random source of the jitter pinned to the middle: each delay is half its ceiling, so the attempts can be counted. */
const HALF = () => 0.5;

/** The backoff of these rows: capped at 2 s (1 s once halved), so that an outage of a minute costs about 60 attempts. */
const LONG_OUTAGE_PROTOCOL = { random: HALF, maxReconnectionDelay: 2000 };

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
 * The link is cut and every new connection turned away for `outageMs`, then accepted. Checks that each attempt
 * waited the delay announced before it (no storm), and counts them.
 */
async function turnedAway(bench: FaultBench, how: RefusalMode, outageMs: number): Promise<void> {
  const refusedAt: number[] = [];
  const watching = bench.proxy.events$.subscribe((event: FaultProxyEvent) => {
    if (event.type === 'refused') refusedAt.push(Date.now());
  });
  bench.fault();
  bench.proxy.refuse(undefined, how);
  bench.proxy.all().cut();
  await pause(outageMs);
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
  // With the jitter pinned, the delays are known: 25, 50, 100... then 1000 (the cap of 2000, halved) until the end.
  const { reconnectionDelay, maxReconnectionDelay } = bench.options;
  const expected = waits.map(({ value }) => Math.floor(Math.min(maxReconnectionDelay, reconnectionDelay * 2 ** (value.attempt - 1)) / 2));
  expect(waits.map(({ value }) => value.delay)).toEqual(expected);
  bench.note(`${refusedAt.length} attempts turned away in ${outageMs} ms; delays (ms): ${runs(expected)}`);
}

/** New connections are turned away for a while: a server that is down, or a balancer without backends. */
faultSuite('refusal', (suite) => {
  faultRow(
    suite,
    `connection refused (TCP reset) for ${REFUSED_MS / 1000} s, then back`,
    { bench: { protocol: LONG_OUTAGE_PROTOCOL }, timeout: REFUSED_MS + 60_000 },
    async (bench) => {
      await turnedAway(bench, 'reset', REFUSED_MS);
      await bench.finish({ losses: [{ origin: 'network', code: 1006 }], errors: LONG_OUTAGE_ERRORS });
    },
  );

  faultRow(
    suite,
    `server accepts and closes at once for ${CLOSING_MS / 1000} s: the backoff holds, no storm`,
    { bench: { protocol: LONG_OUTAGE_PROTOCOL }, timeout: CLOSING_MS + 60_000 },
    async (bench) => {
      await turnedAway(bench, 'close', CLOSING_MS);
      await bench.finish({ losses: [{ origin: 'network', code: 1006 }], errors: LONG_OUTAGE_ERRORS });
    },
  );
});
