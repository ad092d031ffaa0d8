import { firstValueFrom } from 'rxjs';
import type { Kuzzle } from '../../../src';
import { client, startTarget, targetNames, uniqueName, type Target } from '../../support/targets';
import { FaultBench, type BenchOptions } from './fault-bench';
import type { FaultRowMeta } from './fault-row-meta';
import { within } from './within';

/** What the rows of one family share on one target: the server, a client straight to it, and a fresh index. */
export interface FaultSuite {
  /** Known when the rows are declared. */
  readonly name: Target['name'];
  /** The others exist once the suite started (in the rows' bodies). */
  readonly target: Target;
  /** A client connected straight to the server (no proxy): creates collections, writes the probes, reads back. */
  readonly other: Kuzzle;
  readonly index: string;
}

/** A family of rows, run once per target: the embedded server, and the real one when KUZZLE_URL is set. */
export function faultSuite(family: string, rows: (suite: FaultSuite) => void): void {
  describe.each(targetNames())(`${family} on the %s server`, (name) => {
    let target: Target | undefined;
    let other: Kuzzle | undefined;
    const index = uniqueName('faults').replace(/-/g, '');
    const suite: FaultSuite = {
      name,
      get target() {
        if (!target) throw new Error('the suite has not started');
        return target;
      },
      get other() {
        if (!other) throw new Error('the suite has not started');
        return other;
      },
      index,
    };
    beforeAll(async () => {
      target = await startTarget(name);
      other = client(target);
      await within(firstValueFrom(other.connect()), 10_000, 'connect');
      await within(firstValueFrom(other.index.create(index)), 10_000, 'index:create');
    });
    afterAll(async () => {
      if (other) await within(firstValueFrom(other.index.delete(index)), 10_000, 'index:delete').catch(() => undefined);
      other?.disconnect();
      await target?.stop();
    });
    rows(suite);
  });
}

export interface RowOptions {
  /** Bench options: protocol and client options, a login, an authenticator. */
  readonly bench?: BenchOptions;
  /** Run the row only when this holds (the server restart of the real target). */
  readonly runIf?: boolean;
  readonly timeout?: number;
}

/** One row of the matrix: a bench is opened, the scenario runs, the bench is closed; the table reads `task.meta`. */
export function faultRow(suite: FaultSuite, scenario: string, options: RowOptions, body: (bench: FaultBench) => Promise<void>): void {
  it.runIf(options.runIf ?? true)(
    scenario,
    async ({ task }) => {
      const meta: FaultRowMeta = { scenario, target: suite.name, notes: [] };
      task.meta.faultRow = meta;
      const bench = await FaultBench.open(suite, meta, options.bench);
      try {
        await body(bench);
      } finally {
        await bench.close();
      }
    },
    options.timeout ?? 60_000,
  );
}
