import type { LinkFaults } from './link-faults';
import type { ProxyDirection } from './proxied-frame';
import type { Segment } from './stream-reader';

/** What becomes of a segment. */
export type Verdict =
  | { readonly action: 'forward' }
  | { readonly action: 'drop'; readonly reason: 'frozen' | 'swallowed' }
  /** Forward the first `bytes` bytes of the frame, then cut the connection. */
  | { readonly action: 'truncate'; readonly bytes: number };

export interface RouteContext {
  readonly faults: LinkFaults;
  /** A pending `truncateNext` on this direction. */
  readonly truncateAt: number | undefined;
  /** The fragmented message under way was swallowed: its continuation frames go the same way. */
  readonly swallowingMessage: boolean;
}

const FORWARD: Verdict = { action: 'forward' };

/** Decides the fate of one segment travelling in `direction`. */
export function route(segment: Segment, direction: ProxyDirection, context: RouteContext): Verdict {
  if (context.faults.frozen) return { action: 'drop', reason: 'frozen' };
  if (segment.kind !== 'frame') return FORWARD;
  if (context.truncateAt !== undefined) return { action: 'truncate', bytes: context.truncateAt };
  const { frame } = segment;
  const swallowed = frame.type === 'continuation' ? context.swallowingMessage : (context.faults.swallow[direction]?.(frame) ?? false);
  return swallowed ? { action: 'drop', reason: 'swallowed' } : FORWARD;
}

/** Whether the continuation frames that follow belong to a swallowed message. */
export function swallowingAfter(segment: Segment, verdict: Verdict, before: boolean): boolean {
  if (segment.kind !== 'frame') return before;
  const { type, fin } = segment.frame;
  if (type === 'text' || type === 'binary') return !fin && verdict.action === 'drop';
  if (type === 'continuation') return !fin && before;
  return before;
}
