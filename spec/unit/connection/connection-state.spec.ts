import { INITIAL_CONNECTION, reduceConnection, type ConnectionSnapshot } from '../../../src/connection/connection-state';
import type { EngineEvent } from '../../../src/connection/engine-events';
import { LinkLostError } from '../../../src/vocabulary/errors/connection-errors';

/** Folds the events from the initial snapshot, as `scan` does, and returns every step. */
function fold(...events: EngineEvent[]): ConnectionSnapshot[] {
  const steps: ConnectionSnapshot[] = [];
  events.reduce((snapshot, event) => {
    const next = reduceConnection(snapshot, event);
    steps.push(next);
    return next;
  }, INITIAL_CONNECTION);
  return steps;
}

const states = (steps: ConnectionSnapshot[]) => steps.map((step) => step.state);
const announced = (steps: ConnectionSnapshot[]) => steps.flatMap((step) => step.events.map((event) => event.type));

const CONNECT: EngineEvent = { type: 'connect' };
const OPEN: EngineEvent = { type: 'open', resumed: false };
const REOPEN: EngineEvent = { type: 'open', resumed: true };
const READY: EngineEvent = { type: 'ready' };
const lost = (origin: 'network' | 'server', wasOpen = true): EngineEvent => ({
  type: 'lost',
  error: new LinkLostError(
    origin,
    wasOpen,
    origin === 'server' ? 1001 : 1006,
    undefined,
    origin === 'network' ? new Error('ECONNRESET') : undefined,
  ),
});

describe('reduceConnection', () => {
  it('goes connecting, then connected once the first socket is ready, and says connected', () => {
    const steps = fold(CONNECT, OPEN, READY);
    expect(states(steps)).toEqual(['connecting', 'connecting', 'connected']);
    expect(announced(steps)).toEqual(['connected']);
  });

  it('is reconnecting from a loss until the new socket is ready, then says reconnected', () => {
    const steps = fold(CONNECT, OPEN, READY, lost('server'), { type: 'retrying', attempt: 1, delay: 40 }, REOPEN, READY);
    expect(states(steps)).toEqual(['connecting', 'connecting', 'connected', 'reconnecting', 'reconnecting', 'reconnecting', 'connected']);
    expect(announced(steps)).toEqual(['connected', 'disconnected', 'reconnecting', 'reconnected']);
    expect(steps[3]).toMatchObject({ lost: true, offline: undefined, events: [{ type: 'disconnected', origin: 'server', code: 1001 }] });
  });

  it('reports the network error of a loss, and no disconnection for a socket that never opened', () => {
    expect(announced(fold(CONNECT, lost('network', false)))).toEqual(['networkError']);
    expect(announced(fold(CONNECT, OPEN, READY, lost('network')))).toEqual(['connected', 'disconnected', 'networkError']);
  });

  it('goes offline when the policy gives up, with the reason for connect() and the subscriptions', () => {
    const error = new Error('given up');
    const [, failed] = fold(CONNECT, { type: 'failed', error });
    expect(failed).toMatchObject({ state: 'offline', lost: true, offline: error, events: [{ type: 'reconnectionFailed', error }] });
  });

  it('goes offline on close, saying disconnected only when a socket was open', () => {
    expect(fold(CONNECT, OPEN, READY, { type: 'closed', wasOpen: true }).at(-1)).toMatchObject({
      state: 'offline',
      events: [{ type: 'disconnected', origin: 'user', code: 1000 }],
      offline: { name: 'NotConnectedError' },
    });
    expect(fold(CONNECT, { type: 'closed', wasOpen: false }).at(-1)?.events).toEqual([]);
  });

  it('lets auth requests out while the authenticator runs, until the socket is ready or lost', () => {
    const steps = fold(CONNECT, OPEN, READY, lost('server'), REOPEN, { type: 'authenticating' }, { type: 'reauthenticated' }, READY);
    expect(steps.map((step) => step.authenticating)).toEqual([false, false, false, false, false, true, false, false]);
    expect(announced(steps).slice(-2)).toEqual(['reauthenticated', 'reconnected']);
    expect(fold(CONNECT, OPEN, { type: 'authenticating' }, lost('network')).at(-1)?.authenticating).toBe(false);
  });

  it('says connected, not reconnected, after a new connect() that follows a disconnection', () => {
    const steps = fold(CONNECT, OPEN, READY, { type: 'closed', wasOpen: true }, CONNECT, OPEN, READY);
    expect(announced(steps)).toEqual(['connected', 'disconnected', 'connected']);
  });

  it('ignores connect() while connecting or connected', () => {
    expect(states(fold(CONNECT, CONNECT, OPEN, READY, CONNECT))).toEqual([
      'connecting',
      'connecting',
      'connecting',
      'connected',
      'connected',
    ]);
  });

  it('carries a keep-alive round trip for latency$, and changes nothing else', () => {
    const [, , , step] = fold(CONNECT, OPEN, READY, { type: 'latency', ms: 12 });
    expect(step).toMatchObject({ state: 'connected', latency: 12, events: [], lost: false });
  });
});
