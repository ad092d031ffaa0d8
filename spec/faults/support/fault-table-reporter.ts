import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { FaultRowMeta } from './fault-row-meta';

interface Row {
  readonly scenario: string;
  readonly target: string;
  readonly result: string;
  readonly recovery: string;
  readonly notes: readonly string[];
}

const HEADERS = ['scenario', 'target', 'result', 'recovery time (ms)'] as const;

/** The target a row ran on when the test recorded nothing (skipped): the last word of its suite, `... on the real server`. */
function suiteTarget(test: TestCase): string {
  const suite = test.parent.type === 'suite' ? test.parent.name : '';
  return /on the (\S+) server/.exec(suite)?.[1] ?? '?';
}

function rowOf(test: TestCase): Row {
  const meta: FaultRowMeta | undefined = test.meta().faultRow;
  const state = test.result().state;
  return {
    scenario: meta?.scenario ?? test.name,
    target: meta?.target ?? suiteTarget(test),
    result: state === 'pending' ? 'not run' : state,
    recovery: meta?.recoveryMs === undefined ? '-' : String(Math.round(meta.recoveryMs)),
    notes: meta?.notes ?? [],
  };
}

/** Lays rows out as a plain-text table, columns padded to their widest cell. */
export function faultTable(rows: readonly Row[]): string {
  const cells = rows.map((row) => [row.scenario, row.target, row.result, row.recovery]);
  const widths = HEADERS.map((header, column) => Math.max(header.length, ...cells.map((line) => (line[column] ?? '').length)));
  const line = (values: readonly string[]) => values.map((value, column) => value.padEnd(widths[column] ?? 0)).join(' | ');
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  const notes = rows.flatMap((row) => row.notes.map((note) => `  - ${row.scenario} [${row.target}]: ${note}`));
  return [
    '',
    'Fault matrix',
    line(HEADERS),
    rule,
    ...cells.map(line),
    '',
    'recovery time: from the fault healing (its end for a lasting one, the fault itself when new connections work at',
    'once) to the client connected with every subscription restored; "-": the link stayed up.',
    ...(notes.length > 0 ? ['', 'notes:', ...notes] : []),
    '',
  ].join('\n');
}

/**
 * Prints, after the run, the fault matrix as a table: scenario | target | result | recovery time. Sits beside the
 * default reporter, which still reports every test and failure.
 */
export class FaultTableReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const all = testModules.flatMap((module) => [...module.children.allTests()].map(rowOf));
    // One target after the other, each in the order the rows ran.
    const targets = [...new Set(all.map((row) => row.target))];
    const rows = targets.flatMap((target) => all.filter((row) => row.target === target));
    if (rows.length > 0) process.stdout.write(faultTable(rows));
  }
}

export default FaultTableReporter;
