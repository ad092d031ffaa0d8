import { cold, getTestScheduler, hot } from 'jasmine-marbles';
import { NEVER, of } from 'rxjs';
import { afterLoss, linkRun, type ReconnectionPolicy } from '../../../src/protocol/reconnection';
import { decideReconnect } from '../../../src/protocol/reconnect-policy';
import { LinkLostError } from '../../../src/vocabulary/errors/connection-errors';
import type { SocketEvent } from '../../../src/vocabulary/link-events';

const OPEN: SocketEvent = { type: 'open', resumed: false };
const REOPEN: SocketEvent = { type: 'open', resumed: true };
const neverOpened = new LinkLostError('network', false);
const droppedAlive = new LinkLostError('network', true, 1006, undefined, undefined, true);
const droppedUnproved = new LinkLostError('network', true, 1006);
/** 30 ms (3 frames) before attempt n, whatever n: a fixed policy keeps the diagrams readable. */
const twoFrames: ReconnectionPolicy = (loss, attempt) => ({ kind: 'wait', attempt, delay: 30 });

describe('afterLoss', () => {
  const scheduler = { now: () => 0, schedule: () => ({ unsubscribe() {} }) } as never;

  it('ends the run on a close by the user, saying whether a socket was open', () => {
    expect(afterLoss(new LinkLostError('user', true, 1000), { failures: 3, resumed: true }, twoFrames, scheduler)).toEqual({
      events: [{ type: 'closed', wasOpen: true }],
    });
  });

  it('goes on at once after a reopen, without counting it as a failure', () => {
    const step = afterLoss(new LinkLostError('reopen', true, 1000, 'reopen'), { failures: 2, resumed: false }, twoFrames, scheduler);
    expect(step.events.map((event) => event.type)).toEqual(['lost']);
    expect(step.next?.run).toEqual({ failures: 2, resumed: true });
  });

  it('counts the losses of sockets that never proved alive, and starts again after one that did', () => {
    const seen: number[] = [];
    const policy: ReconnectionPolicy = (loss, attempt) => (seen.push(attempt), { kind: 'wait', attempt, delay: 0 });
    expect(afterLoss(neverOpened, { failures: 2, resumed: false }, policy, scheduler).next?.run.failures).toBe(3);
    expect(afterLoss(droppedAlive, { failures: 2, resumed: false }, policy, scheduler).next?.run.failures).toBe(1);
    expect(seen).toEqual([3, 1]);
  });

  it('reports the give-up of the policy as failed, with its error', () => {
    const policy: ReconnectionPolicy = (loss, attempt) =>
      decideReconnect(loss, attempt - 1, {
        autoReconnect: true,
        maxReconnectionAttempts: 1,
        reconnectionDelay: 10,
        maxReconnectionDelay: 10,
        random: () => 0.5,
      });
    const step = afterLoss(neverOpened, { failures: 1, resumed: false }, policy, scheduler);
    expect(step.next).toBeUndefined();
    expect(step.events.at(-1)).toMatchObject({ type: 'failed', error: { name: 'ReconnectionFailedError' } });
  });

  it("waits for an Observable the policy returns, and says the delay is the policy's (-1)", () => {
    const step = afterLoss(neverOpened, { failures: 0, resumed: false }, () => NEVER, scheduler);
    expect(step.events).toEqual([
      { type: 'lost', error: neverOpened },
      { type: 'retrying', attempt: 1, delay: -1 },
    ]);
    expect(step.next?.wait$).toBeDefined();
  });
});

describe('linkRun in virtual time', () => {
  it('opens a new session after each loss, once the delay is over', () => {
    const sessions = [cold('-a--#', { a: OPEN }, droppedUnproved), cold('-b', { b: REOPEN })];
    const factory = (resumed: boolean) => sessions[resumed ? 1 : 0] ?? NEVER;
    const run = linkRun({
      session: factory,
      policy: twoFrames,
      scheduler: getTestScheduler(),
      mayOpen$: of(true),
      userClose$: NEVER,
      online$: NEVER,
    });

    expect(run).toBeObservable(
      // The loss at frame 4 (the group takes frames 4 to 7), the next session subscribed 3 frames later, open at 8.
      cold('-a--(lr)b', {
        a: OPEN,
        l: { type: 'lost', error: droppedUnproved },
        r: { type: 'retrying', attempt: 1, delay: 30 },
        b: REOPEN,
      }),
    );
    expect(sessions[0]).toHaveSubscriptions('^---!');
    expect(sessions[1]).toHaveSubscriptions('-------^');
  });

  it('holds the next attempt while the link may not open, and opens at once when it may', () => {
    const session = cold('-a', { a: OPEN });
    const mayOpen = hot('f---t', { f: false, t: true });
    const run = linkRun({
      session: () => session,
      policy: twoFrames,
      scheduler: getTestScheduler(),
      mayOpen$: mayOpen,
      userClose$: NEVER,
      online$: NEVER,
    });
    expect(run).toBeObservable(cold('-----a', { a: OPEN }));
    expect(session).toHaveSubscriptions('----^');
  });

  it('stops a pending reconnection when the user closes the link', () => {
    const session = cold('-#', {}, neverOpened);
    const close = hot('------c');
    const policy: ReconnectionPolicy = (loss, attempt) => ({ kind: 'wait', attempt, delay: 100 });
    const run = linkRun({
      session: () => session,
      policy,
      scheduler: getTestScheduler(),
      mayOpen$: of(true),
      userClose$: close,
      online$: NEVER,
    });
    expect(run).toBeObservable(
      cold('-(lr)-(x|)', {
        l: { type: 'lost', error: neverOpened },
        r: { type: 'retrying', attempt: 1, delay: 100 },
        x: { type: 'closed', wasOpen: false },
      }),
    );
    expect(session).toHaveSubscriptions('^!');
  });

  it('ends with failed when the policy gives up', () => {
    const session = cold('-#', {}, neverOpened);
    const fatal = new Error('given up');
    const run = linkRun({
      session: () => session,
      policy: () => ({ kind: 'give-up', error: fatal }),
      scheduler: getTestScheduler(),
      mayOpen$: of(true),
      userClose$: NEVER,
      online$: NEVER,
    });
    expect(run).toBeObservable(cold('-(lf|)', { l: { type: 'lost', error: neverOpened }, f: { type: 'failed', error: fatal } }));
  });

  it('does not grow with the reconnections: a hundred losses in a row make a hundred steps, no deeper', () => {
    const session = cold('#', {}, neverOpened);
    const run = linkRun({
      session: () => session,
      policy: (loss, attempt) => (attempt > 100 ? { kind: 'give-up', error: loss } : { kind: 'wait', attempt, delay: 0 }),
      scheduler: getTestScheduler(),
      mayOpen$: of(true),
      userClose$: NEVER,
      online$: NEVER,
    });
    const types: string[] = [];
    run.subscribe((event) => types.push(event.type));
    getTestScheduler().flush();
    expect(types.filter((type) => type === 'lost')).toHaveLength(101);
    expect(types.at(-1)).toBe('failed');
  });
});

describe('linkRun and the network', () => {
  it('starts the next attempt as soon as the network is back, without waiting for the delay', () => {
    const sessions = [cold('-a--#', { a: OPEN }, droppedUnproved), cold('-b', { b: REOPEN })];
    const factory = (resumed: boolean) => sessions[resumed ? 1 : 0] ?? NEVER;
    const slow: ReconnectionPolicy = (_loss, attempt) => ({ kind: 'wait', attempt, delay: 1000 });
    const online = hot('---------o');
    const run = linkRun({
      session: factory,
      policy: slow,
      scheduler: getTestScheduler(),
      mayOpen$: of(true),
      userClose$: NEVER,
      online$: online,
    });

    expect(run).toBeObservable(
      cold('-a--(lr)--b', {
        a: OPEN,
        l: { type: 'lost', error: droppedUnproved },
        r: { type: 'retrying', attempt: 1, delay: 1000 },
        b: REOPEN,
      }),
    );
    // The loss at frame 4; the network back at 9: the next session at once, not 100 frames after the loss.
    expect(sessions[1]).toHaveSubscriptions('---------^');
  });
});
