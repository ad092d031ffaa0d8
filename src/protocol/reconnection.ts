import {
  catchError,
  EMPTY,
  expand,
  filter,
  first,
  from,
  merge,
  mergeMap,
  type Observable,
  type ObservableInput,
  of,
  race,
  type SchedulerLike,
  switchMap,
  take,
  timer,
} from 'rxjs';
import { LinkLostError } from '../vocabulary/errors/connection-errors';
import type { LinkEvent, SocketEvent } from '../vocabulary/link-events';
import type { ReconnectDecision } from './reconnect-policy';

/**
 * A reconnection policy: after `loss`, what to do before attempt number `attempt` (1 for the first attempt since the
 * link last proved alive). Either a decision (`wait` so many ms, `give-up`), or an ObservableInput: the attempt
 * starts when it first emits (a custom wait: until the browser is online, a button is clicked, ...). Planned closes
 * (`disconnect()`, a reopen) never reach it.
 */
export type ReconnectionPolicy = (loss: LinkLostError, attempt: number) => ReconnectDecision | ObservableInput<unknown>;

/** Where a run of the link stands between two sockets. */
export interface RunState {
  /** Losses since the link last proved alive. */
  readonly failures: number;
  /** A socket of this run was open: the next one's `open` says `resumed`. */
  readonly resumed: boolean;
}

/** What a run reports, and what it does next if it goes on. */
export interface RunStep {
  readonly events: readonly LinkEvent[];
  readonly next?: { readonly wait$: Observable<unknown>; readonly run: RunState };
}

function isDecision(value: ReconnectDecision | ObservableInput<unknown>): value is ReconnectDecision {
  return typeof value === 'object' && value !== null && 'kind' in value && typeof (value as { kind: unknown }).kind === 'string';
}

/**
 * What a run does after one socket ended: pure, but for the `policy` it is given. A close by the user ends the run;
 * a reopen goes on at once; any other loss asks the policy, with the count of losses since the link last proved
 * alive (a socket that proved alive starts the count again).
 */
export function afterLoss(loss: LinkLostError, run: RunState, policy: ReconnectionPolicy, scheduler: SchedulerLike): RunStep {
  const resumed = run.resumed || loss.wasOpen;
  if (loss.origin === 'user') return { events: [{ type: 'closed', wasOpen: loss.wasOpen }] };
  const lost: LinkEvent = { type: 'lost', error: loss };
  if (loss.origin === 'reopen') return { events: [lost], next: { wait$: of(0), run: { failures: run.failures, resumed } } };
  const attempt = (loss.provedAlive ? 0 : run.failures) + 1;
  const decision = policy(loss, attempt);
  if (!isDecision(decision)) {
    return {
      events: [lost, { type: 'retrying', attempt, delay: -1 }],
      next: { wait$: from(decision), run: { failures: attempt, resumed } },
    };
  }
  switch (decision.kind) {
    case 'now':
      return { events: [lost], next: { wait$: of(0), run: { failures: attempt, resumed } } };
    case 'wait':
      return {
        events: [lost, { type: 'retrying', attempt: decision.attempt, delay: decision.delay }],
        next: { wait$: timer(decision.delay, scheduler), run: { failures: decision.attempt, resumed } },
      };
    case 'stop':
    case 'give-up':
      return { events: [lost, { type: 'failed', error: decision.kind === 'give-up' ? decision.error : loss }] };
  }
}

export interface LinkRunConfig {
  /** One socket session; `resumed` when an earlier socket of the run was open. */
  readonly session: (resumed: boolean) => Observable<SocketEvent>;
  readonly policy: ReconnectionPolicy;
  readonly scheduler: SchedulerLike;
  /** Emits true while new sockets may open (false while the link is held). */
  readonly mayOpen$: Observable<boolean>;
  /** Emits when the user closes the link. */
  readonly userClose$: Observable<unknown>;
  /** Emits when the device's network is back: a wait for the next attempt ends at once. */
  readonly online$: Observable<unknown>;
}

/**
 * One run of the link, from `open()` to `closed` or `failed`: socket after socket, each ended by a `LinkLostError`
 * that `afterLoss` turns into the next step. `expand` chains the steps flat (no operator nesting grows with the
 * reconnections), and each wait races the user's close, so that `disconnect()` stops a pending reconnection; the
 * network coming back (`online$`) ends a wait at once.
 */
export function linkRun(config: LinkRunConfig): Observable<LinkEvent> {
  // The session's events go through as they are (the common case, a frame); a step marks the end of a socket.
  const attempt = (wait$: Observable<unknown>, run: RunState): Observable<LinkEvent | RunStep> =>
    race(
      // The session first: once it is subscribed, it hears the close itself and closes its socket with 1000.
      // The wait ends early when the network comes back.
      merge(wait$, config.online$).pipe(
        take(1),
        switchMap(() => config.mayOpen$.pipe(first(Boolean))),
        switchMap(() => config.session(run.resumed)),
        catchError((error: unknown) => {
          const step: RunStep =
            error instanceof LinkLostError
              ? afterLoss(error, run, config.policy, config.scheduler)
              : { events: [{ type: 'failed', error: error instanceof Error ? error : new Error(String(error)) }] };
          // What the step reports, then the step itself, which `expand` follows.
          return from<readonly (LinkEvent | RunStep)[]>([...step.events, step]);
        }),
      ),
      config.userClose$.pipe(
        take(1),
        mergeMap(() => from<readonly LinkEvent[]>([{ type: 'closed', wasOpen: false }])),
      ),
    );
  return attempt(of(0), { failures: 0, resumed: false }).pipe(
    expand((value) => (isStep(value) && value.next ? attempt(value.next.wait$, value.next.run) : EMPTY)),
    filter((value): value is LinkEvent => !isStep(value)),
  );
}

const isStep = (value: LinkEvent | RunStep): value is RunStep => 'events' in value;
