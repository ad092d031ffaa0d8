import { setImmediate as tick } from 'node:timers/promises';
import { getHeapSpaceStatistics } from 'node:v8';
import { heap } from '../measure';

export interface SettledHeap {
  /** The heap in use after collections (bench/measure.ts's `heap()`). */
  readonly used: number;
  /** Of which V8's code space: compiled code, which grows as the JIT optimises the hot paths, whatever they hold. */
  readonly code: number;
}

const codeSpace = (): number => getHeapSpaceStatistics().find((space) => space.space_name === 'code_space')?.space_used_size ?? 0;

/**
 * The heap in use after collections, the least of three taken a turn of the event loop apart (what a finished
 * callback still held is gone by then). Refuses to run without --expose-gc: the figure would mean nothing.
 */
export async function settledHeap(): Promise<SettledHeap> {
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') throw new Error('run node with --expose-gc');
  let used = Infinity;
  for (let i = 0; i < 3; i++) {
    await tick();
    used = Math.min(used, heap());
  }
  return { used, code: codeSpace() };
}
