/** What a row of the fault matrix records for the table, in its test's `task.meta`. */
export interface FaultRowMeta {
  readonly scenario: string;
  readonly target: string;
  /** Fault healed -> connected with every subscription restored, in ms; absent when the link stayed up. */
  recoveryMs?: number;
  /** Figures worth a line under the table (attempts counted, heap growth, ...). */
  readonly notes: string[];
}

declare module '@vitest/runner' {
  interface TaskMeta {
    faultRow?: FaultRowMeta;
  }
}
