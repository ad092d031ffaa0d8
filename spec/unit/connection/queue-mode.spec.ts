import { decideQueued, type QueueGate } from '../../../src/connection/queue-decision';
import { INITIAL_QUEUE_MODE, reduceQueueMode, type QueueCommand, type QueueMode } from '../../../src/connection/queue-mode';

const fold = (...commands: QueueCommand[]): QueueMode => commands.reduce(reduceQueueMode, INITIAL_QUEUE_MODE);

const connected: QueueGate = { state: 'connected', authenticating: false };
const reconnecting: QueueGate = { state: 'reconnecting', authenticating: false };
const offline: QueueGate = { state: 'offline', authenticating: false };
const renewing: QueueGate = { state: 'reconnecting', authenticating: true };
const now = { controller: 'server', action: 'now' };
const login = { controller: 'auth', action: 'login' };

describe('reduceQueueMode', () => {
  it('starts automatic: nothing held, nothing played or flushed', () => {
    expect(INITIAL_QUEUE_MODE).toEqual({ holding: false, plays: 0, flushes: 0, pauses: 0 });
  });

  it('holds from start to stop, and counts plays and flushes whatever the hold', () => {
    expect(fold('start')).toEqual({ holding: true, plays: 0, flushes: 0, pauses: 0 });
    expect(fold('start', 'play', 'play')).toEqual({ holding: true, plays: 2, flushes: 0, pauses: 0 });
    expect(fold('start', 'flush', 'stop')).toEqual({ holding: false, plays: 0, flushes: 1, pauses: 0 });
    expect(fold('play', 'flush')).toEqual({ holding: false, plays: 1, flushes: 1, pauses: 0 });
  });

  it('counts the pauses of overlapping cookie renewals, and never below zero', () => {
    expect(fold('pause', 'pause')).toEqual({ holding: false, plays: 0, flushes: 0, pauses: 2 });
    expect(fold('pause', 'pause', 'resume')).toEqual({ holding: false, plays: 0, flushes: 0, pauses: 1 });
    expect(reduceQueueMode(INITIAL_QUEUE_MODE, 'resume')).toBe(INITIAL_QUEUE_MODE);
  });

  it('returns the same mode for a start while holding and a stop while not', () => {
    const holding = fold('start');
    expect(reduceQueueMode(holding, 'start')).toBe(holding);
    expect(reduceQueueMode(INITIAL_QUEUE_MODE, 'stop')).toBe(INITIAL_QUEUE_MODE);
  });
});

describe('decideQueued', () => {
  it('lets a request go once connected, makes it wait while connecting or reconnecting, and fails it offline', () => {
    const mode = INITIAL_QUEUE_MODE;
    expect(decideQueued(connected, mode, mode, now)).toBe('go');
    expect(decideQueued({ state: 'connecting', authenticating: false }, mode, mode, now)).toBe('wait');
    expect(decideQueued(reconnecting, mode, mode, now)).toBe('wait');
    expect(decideQueued(offline, mode, mode, now)).toBe('offline');
  });

  it('holds a request on an open connection while startQueuing() is in force, until a play that came after it', () => {
    const held = fold('start');
    expect(decideQueued(connected, held, held, now)).toBe('wait');
    const played = reduceQueueMode(held, 'play');
    expect(decideQueued(connected, played, held, now)).toBe('go');
    // Queued after the play: still held.
    expect(decideQueued(connected, played, played, now)).toBe('wait');
    // A play lets it go once connected, not before.
    expect(decideQueued(reconnecting, played, held, now)).toBe('wait');
  });

  it('releases the held requests on stop, once connected', () => {
    const held = fold('start');
    const stopped = reduceQueueMode(held, 'stop');
    expect(decideQueued(connected, stopped, held, now)).toBe('go');
    expect(decideQueued(reconnecting, stopped, held, now)).toBe('wait');
  });

  it('drops a request a flush came after, whatever the connection, and not one queued after the flush', () => {
    const mode = INITIAL_QUEUE_MODE;
    const flushed = reduceQueueMode(mode, 'flush');
    for (const gate of [connected, reconnecting, offline, renewing]) expect(decideQueued(gate, flushed, mode, now)).toBe('flushed');
    expect(decideQueued(reconnecting, flushed, flushed, now)).toBe('wait');
  });

  it('makes a request wait on an open connection while a cookie renewal is under way, until the last one ends', () => {
    const paused = fold('pause', 'pause');
    expect(decideQueued(connected, paused, paused, now)).toBe('wait');
    expect(decideQueued(connected, reduceQueueMode(paused, 'resume'), paused, now)).toBe('wait');
    expect(decideQueued(connected, fold('pause', 'pause', 'resume', 'resume'), paused, now)).toBe('go');
    expect(decideQueued(offline, paused, paused, now)).toBe('offline');
  });

  it('lets the auth requests go while the authenticator runs, even while holding, and nothing else', () => {
    const held = fold('start');
    expect(decideQueued(renewing, held, held, login)).toBe('go');
    expect(decideQueued(renewing, INITIAL_QUEUE_MODE, INITIAL_QUEUE_MODE, login)).toBe('go');
    expect(decideQueued(renewing, INITIAL_QUEUE_MODE, INITIAL_QUEUE_MODE, now)).toBe('wait');
    expect(decideQueued(reconnecting, INITIAL_QUEUE_MODE, INITIAL_QUEUE_MODE, login)).toBe('wait');
  });
});
