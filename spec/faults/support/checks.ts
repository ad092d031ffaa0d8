import { KuzzleError, type DisconnectOrigin, type ResolvedProtocolOptions, type RoomInfo } from '../../../src';
import type { EventLog } from './event-log';
import { describeError, isTypedError } from './typed-errors';
import type { WireLog } from './wire-log';
import type { Workload } from './workload';

/** One disconnection as `events$` should report it. */
export interface LossPattern {
  readonly origin: DisconnectOrigin;
  readonly code?: number;
  readonly reason?: string;
}

/** Errors a workload request may end with, by kind: a class name, or `KuzzleError:<error id>`. */
export interface AllowedErrors {
  readonly reads: readonly string[];
  readonly writes: readonly string[];
}

/** 1. Every request ended, with a response or an error of an exported class that the row allows. */
export function expectEveryRequestEnded(workload: Workload, allowed: AllowedErrors): void {
  const unsettled = workload.requests.filter((request) => request.outcome === undefined);
  expect(
    unsettled.map((request) => `${request.kind} #${request.seq}`),
    'requests without an outcome',
  ).toEqual([]);
  const wrong = workload.requests.flatMap((request) => {
    const outcome = request.outcome;
    if (outcome === undefined || outcome.ok) return [];
    const names = request.kind === 'document:create' ? allowed.writes : allowed.reads;
    const { error } = outcome;
    const fine =
      isTypedError(error) &&
      (names.includes((error as Error).name) || (error instanceof KuzzleError && names.includes(`KuzzleError:${error.id ?? ''}`)));
    return fine ? [] : [`${request.kind} #${request.seq}: ${describeError(error)}`];
  });
  expect(wrong, 'requests that ended with an error the row does not allow').toEqual([]);
}

/**
 * 2. No write reached the server twice (per request id, and per document the workload meant to create); a read was
 * re-sent at most once per link loss and at most `maxResends` times.
 */
export function expectNoDuplicateSends(wire: WireLog, workload: Workload, losses: number, maxResends: number): void {
  const readLimit = 1 + Math.min(losses, maxResends);
  const repeated = wire
    .counts()
    .filter((sent) => sent.frames > (sent.readOnly ? readLimit : 1))
    .map((sent) => `${sent.action} ${sent.requestId} sent ${sent.frames} times`);
  expect(repeated, `requests sent too often (reads: at most ${readLimit} times)`).toEqual([]);
  const twice = workload.writes.filter((write) => wire.createsOf(write.seq) > 1).map((write) => write.seq);
  expect(twice, 'workload documents whose creation was sent twice').toEqual([]);
}

/** 2, as the server sees it: at most one document per workload write, and every write answered is stored. */
export function expectStoredOnce(stored: ReadonlyArray<{ _id: string; seq: unknown }>, workload: Workload): void {
  const perSeq = new Map<unknown, number>();
  for (const document of stored) perSeq.set(document.seq, (perSeq.get(document.seq) ?? 0) + 1);
  expect(
    [...perSeq].filter(([, n]) => n > 1).map(([seq, n]) => `seq ${String(seq)}: ${n} documents`),
    'documents stored more than once',
  ).toEqual([]);
  const ids = new Set(stored.map((document) => document._id));
  const lost = workload.writes.flatMap((write) => (write.outcome?.ok && write.outcome.id && !ids.has(write.outcome.id) ? [write.seq] : []));
  expect(lost, 'writes answered but not stored').toEqual([]);
}

/**
 * 4. `events$` and `state$` tell what happened: the disconnections expected, each followed by the restoration of
 * every subscription and one `reconnected`, never `offline`, and `connected` in the end.
 */
export function expectTruthfulConnection(log: EventLog, losses: readonly LossPattern[], rooms: readonly RoomInfo[], since: number): void {
  const lifecycle = log.events
    .filter((event) => event.at >= since)
    .map((event) => event.value)
    .filter((event) => event.type === 'disconnected' || event.type === 'reconnected' || event.type === 'connected');
  const expected = losses.flatMap((loss) => [{ type: 'disconnected', ...loss }, { type: 'reconnected' }]);
  expect(lifecycle, 'disconnected / reconnected events, in order').toEqual(expected.map((event) => expect.objectContaining(event)));
  const sequence = log.events.filter((event) => event.at >= since).map((event) => event.value);
  let restored = new Set<string>();
  for (const event of sequence) {
    if (event.type === 'disconnected') restored = new Set();
    if (event.type === 'resubscribed') restored.add(event.roomId);
    if (event.type === 'reconnected') {
      expect([...restored].sort(), 'rooms restored before "reconnected"').toEqual(rooms.map((room) => room.roomId).sort());
    }
  }
  // The state the row started in, and every change after.
  const initial = log.states.filter((state) => state.at < since).at(-1);
  const states = [...(initial ? [initial] : []), ...log.states.filter((state) => state.at >= since)].map((state) => state.value);
  expect(states, 'state$ during the row').not.toContain('offline');
  if (losses.length > 0) expect(states, 'state$ during the row').toContain('reconnecting');
  else expect(new Set(states), 'state$ during the row').toEqual(new Set(['connected']));
  expect(log.states.at(-1)?.value, 'the last state').toBe('connected');
}

/** 5. Every reconnection delay announced is within its backoff bound, and the attempts of one outage count up by one. */
export function expectBackoffHeld(log: EventLog, options: ResolvedProtocolOptions, since: number): void {
  const ceiling = (attempt: number) => Math.min(options.maxReconnectionDelay, options.reconnectionDelay * 2 ** (attempt - 1));
  const waits = log.ofType('reconnecting', since).map((event) => event.value);
  expect(
    waits.filter((wait) => wait.delay < 0 || wait.delay > ceiling(wait.attempt)).map((wait) => `attempt ${wait.attempt}: ${wait.delay} ms`),
    'reconnection delays over their backoff bound',
  ).toEqual([]);
  let previous: number | undefined;
  for (const event of log.events.filter((stamped) => stamped.at >= since).map((stamped) => stamped.value)) {
    if (event.type === 'reconnected') previous = undefined;
    if (event.type !== 'reconnecting') continue;
    if (previous !== undefined) expect(event.attempt, 'the attempt after attempt ' + previous).toBe(previous + 1);
    previous = event.attempt;
  }
}
