/** The table bench/soak.ts prints at the end: one row per measure, the checked ones marked when they fail. */

export interface SoakRow {
  readonly measure: string;
  readonly value: string;
  /** undefined: a figure, not a check. */
  readonly ok?: boolean;
}

export const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** Prints `| measure | value |` (a failed check's value ends with `FAIL`); returns the measures that failed. */
export function printReport(rows: readonly SoakRow[]): readonly string[] {
  console.log('| measure | value |');
  console.log('| --- | --- |');
  for (const row of rows) console.log(`| ${row.measure} | ${row.value}${row.ok === false ? ' FAIL' : ''} |`);
  return rows.filter((row) => row.ok === false).map((row) => row.measure);
}
