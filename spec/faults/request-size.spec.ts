import { firstValueFrom, type Observable } from 'rxjs';
import { ConnectionLostError, RequestTooLargeError, RequestUnsafeToResendError } from '../../src';
import { RECOVERY_SLACK_MS } from './support/fault-bench';
import { faultRow, faultSuite } from './support/fault-suite';
import { within } from './support/within';

/** Both servers take frames of up to 1 MiB (the real one's `server.maxRequestSize: "1MB"`) and reset TCP on a larger one. */
const MIB = 1_048_576;
const OVERSIZED = 'x'.repeat(MIB + 1024);

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** How one request ends, waited for (bounded). */
const outcome = (source$: Observable<unknown>): Promise<Outcome> =>
  within(
    firstValueFrom(source$).then(
      (value): Outcome => ({ ok: true, value }),
      (error: unknown): Outcome => ({ ok: false, error }),
    ),
    20_000,
    'the request to end',
  );

/** The error a request ended with (a value fails the row). */
async function errorOf(source$: Observable<unknown>): Promise<unknown> {
  const ended = await outcome(source$);
  expect(ended.ok, 'the request failed').toBe(false);
  return ended.ok ? undefined : ended.error;
}

/** A request larger than the server accepts. */
faultSuite('request size', (suite) => {
  faultRow(suite, 'request over maxRequestSize (1 MiB): RequestTooLargeError, nothing sent', {}, async (bench) => {
    const error = await errorOf(bench.kuzzle.document.create(suite.index, bench.collection, { seq: 700_000, pad: OVERSIZED }));
    expect(error).toBeInstanceOf(RequestTooLargeError);
    expect(bench.wire.framesOf(String((error as RequestTooLargeError).request.requestId))).toBe(0);
    expect(bench.wire.largerThan(MIB)).toEqual([]);
    await bench.finish({ losses: [] });
  });

  faultRow(
    suite,
    'write over the server limit (maxRequestSize raised): server resets TCP, ConnectionLostError',
    { bench: { client: { maxRequestSize: 4 * MIB } } },
    async (bench) => {
      bench.fault();
      const error = await errorOf(bench.kuzzle.document.create(suite.index, bench.collection, { seq: 700_001, pad: OVERSIZED }));
      expect(error).toBeInstanceOf(ConnectionLostError);
      expect(bench.wire.createsOf(700_001), 'the oversized write sent once').toBe(1);
      await bench.recovered();
      await bench.finish({ losses: [{ origin: 'network', code: 1006 }] });
    },
  );

  faultRow(
    suite,
    'read over the server limit (maxRequestSize raised): re-sent twice, then RequestUnsafeToResendError',
    { bench: { client: { maxRequestSize: 4 * MIB } } },
    async (bench) => {
      bench.fault();
      const poison = errorOf(bench.kuzzle.query({ controller: 'server', action: 'now', volatile: { pad: OVERSIZED } }));
      // A small read sent right behind it on the same socket: it is not what drops the link, and must be answered.
      const bystander = outcome(bench.kuzzle.server.now());
      const error = await poison;
      expect(error).toBeInstanceOf(RequestUnsafeToResendError);
      expect(error).toMatchObject({ losses: 3, maxResends: 2 });
      expect(bench.wire.framesOf(String((error as RequestUnsafeToResendError).request.requestId))).toBe(3);
      await bench.log.nth('reconnected', 3, bench.faultAt, 10_000);
      const third = bench.log.ofType('reconnected', bench.faultAt)[2];
      // Three losses in a row, each recovered within the bound of one.
      bench.record((third?.at ?? Infinity) - bench.faultAt, 2 * (bench.options.maxReconnectionDelay + RECOVERY_SLACK_MS));
      const small = await bystander;
      expect(small.ok ? small.value : small.error, 'the small read sent right after the oversized one').toEqual(expect.any(Number));
      await bench.finish({ losses: Array.from({ length: 3 }, () => ({ origin: 'network' as const, code: 1006 })) });
    },
  );
});
