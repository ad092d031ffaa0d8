import { Subject } from 'rxjs';
import { nextSendTime, pace, pingsPerWindow, RATE_WINDOW } from '../../../src/protocol/pacing';
import { fakeProtocol, virtualTime } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';
import { invalidOptionOf } from '../../support/invalid-option';

describe('nextSendTime', () => {
  it.each<[string, number[], number, number]>([
    ['at once while fewer than the limit were planned', [0, 10], 20, 20],
    ['once the oldest of the last `limit` leaves the window', [0, 10, 20], 30, 100],
    ['now, if that oldest one has already left the window', [0, 10, 20], 150, 150],
    ['after the planned ones of a backlog, not after the moments they were asked for', [100, 100, 100], 30, 200],
  ])('plans %s', (_what, planned, now, at) => {
    expect(nextSendTime(planned, now, 3, 100)).toBe(at);
  });
});

describe('pace', () => {
  /** The virtual times at which each value came through. */
  function paced(limit: number, window: number, arrivals: ReadonlyArray<[number, string]>, until: number): string[] {
    const { scheduler, at, runUntil } = virtualTime();
    const input = new Subject<string>();
    const out: string[] = [];
    input.pipe(pace(limit, window, scheduler)).subscribe((value) => out.push(`${scheduler.now()} ${value}`));
    for (const [time, value] of arrivals) at(time, () => input.next(value));
    runUntil(until);
    return out;
  }

  it('lets `limit` values through at once, then one per slot as the oldest leaves the window, in order', () => {
    const arrivals: Array<[number, string]> = ['a', 'b', 'c', 'd', 'e'].map((v) => [10, v]);
    expect(paced(2, 100, arrivals, 1000)).toEqual(['10 a', '10 b', '110 c', '110 d', '210 e']);
  });

  it('delays nothing below the limit', () => {
    expect(
      paced(
        2,
        100,
        [
          [0, 'a'],
          [60, 'b'],
          [120, 'c'],
          [180, 'd'],
        ],
        1000,
      ),
    ).toEqual(['0 a', '60 b', '120 c', '180 d']);
  });

  it('never lets more than `limit` values through within any window', () => {
    const arrivals: Array<[number, string]> = Array.from({ length: 40 }, (_, i) => [i * 7, `v${i}`]);
    const times = paced(3, 100, arrivals, 10_000).map((line) => Number(line.split(' ')[0]));
    expect(times).toHaveLength(40);
    for (let i = 3; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 3] ?? 0)).toBeGreaterThanOrEqual(100);
  });

  it('passes everything at once with a limit of 0', () => {
    const arrivals: Array<[number, string]> = ['a', 'b', 'c'].map((v) => [5, v]);
    expect(paced(0, 100, arrivals, 100)).toEqual(['5 a', '5 b', '5 c']);
  });
});

describe('WebSocketProtocol rateLimit', () => {
  beforeEach(() => FakeWebSocket.reset());

  function openProtocol(options: { rateLimit: number; pingInterval: number }) {
    const clock = virtualTime();
    const protocol = fakeProtocol({ scheduler: clock.scheduler, pongTimeout: 500, ...options });
    protocol.link$.subscribe();
    protocol.open();
    FakeWebSocket.last.open();
    const socket = FakeWebSocket.last;
    const times: string[] = [];
    const send = socket.send.bind(socket);
    socket.send = (data: string) => {
      times.push(`${clock.scheduler.now()} ${data}`);
      send(data);
    };
    return { ...clock, protocol, socket, times };
  }

  it('sends at most rateLimit frames within any 1.1 s, delaying the rest in order', () => {
    const { protocol, at, runUntil, times } = openProtocol({ rateLimit: 3, pingInterval: 0 });
    at(10, () => ['1', '2', '3', '4', '5'].forEach((n) => protocol.send(`{"n":${n}}`)));
    runUntil(5000);
    expect(times).toEqual(['10 {"n":1}', '10 {"n":2}', '10 {"n":3}', `${10 + RATE_WINDOW} {"n":4}`, `${10 + RATE_WINDOW} {"n":5}`]);
  });

  it("keeps room for the keep-alive's pings, which are never delayed", () => {
    // A ping every 1000 ms: 2 of them may fall in a 1.1 s window, so 2 of the 4 frames per window are for requests.
    expect(pingsPerWindow(1000)).toBe(2);
    const { protocol, at, runUntil, times, socket } = openProtocol({ rateLimit: 4, pingInterval: 1000 });
    at(10, () => ['1', '2', '3'].forEach((n) => protocol.send(`{"n":${n}}`)));
    at(1000, () => socket.receive('{"p":2}'));
    runUntil(1200);
    expect(times).toEqual(['10 {"n":1}', '10 {"n":2}', '1000 {"p":1}', `${10 + RATE_WINDOW} {"n":3}`]);
  });

  it('refuses a rateLimit that leaves no room beside the pings, before anything opens', () => {
    expect(invalidOptionOf(() => fakeProtocol({ rateLimit: 1 }))).toEqual({
      name: 'InvalidOptionError',
      field: 'WebSocketProtocol.rateLimit',
      message:
        'Invalid option "WebSocketProtocol.rateLimit": 1 leaves no room for requests beside the keep-alive\'s 1 ping(s) per 1100 ms (pingInterval 2000): raise it above 1, or pingInterval',
    });
    expect(FakeWebSocket.instances).toHaveLength(0);
  });

  it('refuses a rateLimit that is not a whole number', () => {
    expect(invalidOptionOf(() => fakeProtocol({ rateLimit: 2.5 }))?.message).toBe(
      'Invalid option "WebSocketProtocol.rateLimit": must be a whole number, got 2.5',
    );
  });
});
