import { firstValueFrom } from 'rxjs';
import { RequestTimeoutError } from '../../src';
import type { FaultBench } from './support/fault-bench';
import { faultRow, faultSuite, type FaultSuite } from './support/fault-suite';
import { within } from './support/within';
import { RATE_LIMITED_NODE } from '../support/targets';

/**
 * The server's websocket `rateLimit`: on the embedded server, set by `limitRate` (which answers like the real one: a
 * 429 error frame of its own request id, no room); on the real one, a node of the same cluster started with that limit
 * (`KUZZLE_RATE_LIMITED_URL`; the rows of the real target need it).
 */
const LIMIT = RATE_LIMITED_NODE.limit;
const BURST = 120;

type Ended = 'answered' | 'timed out' | 'other';

/** A burst of reads on top of the workload: how each one ended. */
async function burst(bench: FaultBench): Promise<Ended[]> {
  const reads = Array.from({ length: BURST }, () =>
    firstValueFrom(bench.kuzzle.server.now()).then(
      (): Ended => 'answered',
      (error: unknown): Ended => (error instanceof RequestTimeoutError ? 'timed out' : 'other'),
    ),
  );
  return within(Promise.all(reads), 20_000, 'every read of the burst to end');
}

const count = (ends: readonly Ended[], what: Ended): number => ends.filter((end) => end === what).length;

/** Error frames that matched no request (the 429s: nothing else answers an unknown id here), as `events$` reported them. */
const rateLimitErrors = (bench: FaultBench): number => bench.log.discardedFor('unknown-request');

/** The embedded server can be limited at will; the real one when its rate-limited node is given. */
const limited = (suite: FaultSuite): boolean => suite.name === 'embedded' || Boolean(process.env['KUZZLE_RATE_LIMITED_URL']);

faultSuite('rate limit', (suite) => {
  faultRow(
    suite,
    `server rate limit (${LIMIT}/s) trips under a burst of ${BURST} reads: 429s reported in events$, the reads over it time out, the link stays up`,
    { runIf: limited(suite), bench: { client: { requestTimeout: 2000 }, rateLimited: suite.name === 'real' } },
    async (bench) => {
      suite.target.embedded?.limitRate(LIMIT);
      try {
        const ends = await burst(bench);
        expect(count(ends, 'other'), 'reads that ended otherwise than answered or timed out').toBe(0);
        expect(count(ends, 'timed out'), 'reads over the limit').toBeGreaterThan(0);
        expect(rateLimitErrors(bench), 'the 429s in events$').toBeGreaterThan(0);
        bench.note(`${count(ends, 'answered')} answered, ${count(ends, 'timed out')} timed out, ${rateLimitErrors(bench)} 429s reported`);
      } finally {
        suite.target.embedded?.limitRate(0);
      }
      // No reconnection: a ping answered by a 429 is a sign of life all the same.
      await bench.finish({ losses: [], errors: { reads: ['RequestTimeoutError'], writes: ['RequestTimeoutError'] } });
    },
  );

  faultRow(
    suite,
    `client paced at the server's rate limit (rateLimit: ${LIMIT}): the same burst, every read answered, no 429`,
    { runIf: limited(suite), bench: { protocol: { rateLimit: LIMIT }, rateLimited: suite.name === 'real' } },
    async (bench) => {
      suite.target.embedded?.limitRate(LIMIT);
      try {
        const ends = await burst(bench);
        expect(count(ends, 'answered'), 'reads answered').toBe(BURST);
        expect(rateLimitErrors(bench), 'the 429s in events$').toBe(0);
      } finally {
        suite.target.embedded?.limitRate(0);
      }
      await bench.finish({ losses: [] });
    },
  );
});
