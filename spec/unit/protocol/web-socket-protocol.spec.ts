import { NEVER, Subject, type Subscription } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { LinkLostError } from '../../../src/vocabulary/errors/connection-errors';
import type { WebSocketProtocolOptions } from '../../../src/protocol/options';
import type { LinkEvent } from '../../../src/vocabulary/link-events';
import { fakeProtocol, FIXED_BACKOFF, virtualTime } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';

function describeEvent(event: LinkEvent): string {
  switch (event.type) {
    case 'lost': {
      const { origin, code, wasOpen } = event.error;
      return `lost ${origin}${code === undefined ? '' : ` ${code}`}${wasOpen ? '' : ' (never open)'}`;
    }
    case 'retrying':
      return `retrying #${event.attempt} in ${event.delay}`;
    case 'failed':
      return `failed ${event.error.name}: ${event.error.message}`;
    case 'message':
      return `message ${event.text}`;
    case 'latency':
      return `latency ${event.ms}`;
    default:
      return event.type;
  }
}

function setup(options: WebSocketProtocolOptions = {}) {
  const clock = virtualTime();
  const protocol = fakeProtocol({ scheduler: clock.scheduler, pingInterval: 0, ...FIXED_BACKOFF, ...options });
  const log: string[] = [];
  const lost: LinkLostError[] = [];
  protocol.link$.subscribe((event) => {
    log.push(`${clock.scheduler.now()} ${describeEvent(event)}`);
    if (event.type === 'lost') lost.push(event.error);
  });
  return { ...clock, protocol, log, lost, held: [] as Subscription[] };
}

/** The server refuses every connection attempt 10 ms after it starts; returns the virtual times of the attempts. */
function refuseEveryAttempt(scheduler: TestScheduler): number[] {
  const attempts: number[] = [];
  FakeWebSocket.onConstruct = (socket) => {
    attempts.push(scheduler.now());
    scheduler.schedule(() => socket.fail(), 10);
  };
  return attempts;
}

beforeEach(() => FakeWebSocket.reset());

describe('WebSocketProtocol: opening', () => {
  it('opens one socket at the configured URL and reports it open', () => {
    const { protocol, log, at, runUntil } = setup({ port: 7443, ssl: true, path: '/ws' });
    protocol.open();
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(FakeWebSocket.last.url).toBe('wss://localhost:7443/ws');
    expect(protocol.isOpen).toBe(false);

    at(10, () => FakeWebSocket.last.open());
    runUntil(100);

    expect(log).toEqual(['10 open']);
    expect(protocol.isOpen).toBe(true);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('does nothing on open() while already running', () => {
    const { protocol } = setup();
    protocol.open();
    protocol.open();
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('sends text frames on the open socket only', () => {
    const { protocol } = setup();
    expect(protocol.send('{"a":1}')).toBe(false);
    protocol.open();
    expect(protocol.send('{"a":2}')).toBe(false);
    FakeWebSocket.last.open();
    expect(protocol.send('{"a":3}')).toBe(true);
    expect(FakeWebSocket.last.sent).toEqual(['{"a":3}']);
  });

  it('reports every text frame but the pongs as a message', () => {
    const { protocol, log } = setup();
    protocol.open();
    FakeWebSocket.last.open();
    FakeWebSocket.last.receive('{"requestId":"r1"}');
    FakeWebSocket.last.receive('{"p":2}');
    FakeWebSocket.last.receive('not json');
    expect(log).toEqual(['0 open', '0 message {"requestId":"r1"}', '0 message not json']);
  });

  it('passes the handshake headers, read again at every attempt', () => {
    const { protocol, at, runUntil } = setup({ headers: { 'x-app': 'demo' } });
    let cookie = 'authToken=one';
    protocol.setHandshakeHeaders(() => ({ cookie }));
    protocol.open();
    at(10, () => FakeWebSocket.last.fail());
    at(20, () => (cookie = 'authToken=two'));
    runUntil(100);

    expect(FakeWebSocket.instances.map((socket) => socket.headers)).toEqual([
      { 'x-app': 'demo', cookie: 'authToken=one' },
      { 'x-app': 'demo', cookie: 'authToken=two' },
    ]);
  });
});

describe('WebSocketProtocol: connect timeout', () => {
  it('abandons a handshake that takes longer than connectTimeout and counts it as a failed attempt', () => {
    const { protocol, log, lost, runUntil } = setup({ connectTimeout: 500 });
    protocol.open();
    runUntil(560);

    expect(log).toEqual(['500 lost network (never open)', '500 retrying #1 in 50']);
    expect(lost[0]?.message).toBe('WebSocket could not open (network: no handshake within 500 ms)');
    expect(FakeWebSocket.nth(0).closedWith).toEqual({ code: 1000, reason: '' });
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(FakeWebSocket.nth(1).liveSocketsAtCreation).toBe(0);
  });

  it('does not limit a socket once it is open', () => {
    const { protocol, log, at, runUntil } = setup({ connectTimeout: 500 });
    protocol.open();
    at(499, () => FakeWebSocket.last.open());
    runUntil(10_000);

    expect(log).toEqual(['499 open']);
  });

  it('waits for the handshake as long as it takes when connectTimeout is 0', () => {
    const { protocol, log, runUntil } = setup({ connectTimeout: 0 });
    protocol.open();
    runUntil(3_600_000);

    expect(log).toEqual([]);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });
});

describe('WebSocketProtocol: keep-alive', () => {
  it('pings every pingInterval once open and reports each round trip', () => {
    const { protocol, log, at, runUntil } = setup({ pingInterval: 100, pongTimeout: 50 });
    protocol.open();
    at(10, () => FakeWebSocket.last.open());
    at(117, () => FakeWebSocket.last.receive('{"p":2}'));
    at(230, () => FakeWebSocket.last.receive('{"p":2}'));
    runUntil(250);

    expect(FakeWebSocket.last.sent).toEqual(['{"p":1}', '{"p":1}']);
    expect(log).toEqual(['10 open', '117 latency 7', '230 latency 20']);
  });

  it('terminates a socket whose pong is missing and reconnects', () => {
    const { protocol, log, lost, at, runUntil } = setup({ pingInterval: 100, pongTimeout: 50 });
    protocol.open();
    at(10, () => FakeWebSocket.last.open());
    runUntil(300);

    const dead = FakeWebSocket.nth(0);
    expect(dead.pings).toBe(1);
    expect(dead.terminated).toBe(true);
    expect(dead.closedWith).toBeUndefined();
    // Silent since it opened at 10 ms: reported at 160 ms, within pingInterval + pongTimeout.
    expect(log).toEqual(['10 open', '160 lost ping-timeout', '160 retrying #1 in 50']);
    expect(lost[0]?.cause).toBeInstanceOf(Error);
    expect(lost[0]?.cause).toMatchObject({ name: 'PingTimeoutError', message: 'No pong, nor any other frame, within 50 ms of a ping' });
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(FakeWebSocket.nth(1).liveSocketsAtCreation).toBe(0);
  });

  it('closes a dead socket with 4000 where it cannot be terminated (browsers)', () => {
    class BrowserWebSocket extends FakeWebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols);
        Object.defineProperty(this, 'terminate', { value: undefined });
      }
    }
    const { protocol, log, at, runUntil } = setup({ pingInterval: 100, pongTimeout: 50, WebSocketCtor: BrowserWebSocket });
    protocol.open();
    at(10, () => FakeWebSocket.last.open());
    runUntil(200);

    expect(FakeWebSocket.nth(0).closedWith).toEqual({ code: 4000, reason: 'ping timeout' });
    expect(log).toContain('160 lost ping-timeout');
  });

  it('does not ping when pingInterval is 0', () => {
    const { protocol, log, at, runUntil } = setup({ pingInterval: 0 });
    protocol.open();
    at(10, () => FakeWebSocket.last.open());
    runUntil(60_000);

    expect(FakeWebSocket.last.sent).toEqual([]);
    expect(log).toEqual(['10 open']);
  });
});

describe('WebSocketProtocol: reconnection', () => {
  it.each([
    [1000, 'server restart'],
    [1001, 'going away'],
    [4000, 'application close'],
  ])('reconnects after the server closes the socket with %i (%s)', (code) => {
    const { protocol, log, at, runUntil } = setup();
    protocol.open();
    at(10, () => FakeWebSocket.last.open());
    at(20, () => FakeWebSocket.last.serverClose(code, 'bye'));
    at(80, () => FakeWebSocket.last.open());
    runUntil(200);

    expect(log).toEqual(['10 open', `20 lost server ${code}`, '20 retrying #1 in 50', '80 open']);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(protocol.isOpen).toBe(true);
  });

  it('reconnects after the connection drops without a close frame (1006)', () => {
    const { protocol, log, at, runUntil } = setup();
    protocol.open();
    at(10, () => FakeWebSocket.last.open());
    at(20, () => FakeWebSocket.last.serverClose(1006, '', false));
    runUntil(200);

    expect(log).toEqual(['10 open', '20 lost network 1006', '20 retrying #1 in 50']);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('reconnects after a socket error, keeping the error as the cause', () => {
    const { protocol, log, lost, at, runUntil } = setup();
    protocol.open();
    at(10, () => FakeWebSocket.last.open());
    at(20, () => FakeWebSocket.last.fail(new Error('read ECONNRESET')));
    runUntil(200);

    expect(log).toEqual(['10 open', '20 lost network', '20 retrying #1 in 50']);
    expect(lost[0]?.cause).toMatchObject({ message: 'read ECONNRESET' });
    expect(lost[0]?.wasOpen).toBe(true);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('retries a first connection that could not open', () => {
    const { protocol, log, lost, at, runUntil } = setup();
    protocol.open();
    at(10, () => FakeWebSocket.last.fail());
    at(70, () => FakeWebSocket.last.open());
    runUntil(200);

    expect(log).toEqual(['10 lost network (never open)', '10 retrying #1 in 50', '70 open']);
    expect(lost[0]?.message).toBe('WebSocket could not open (network: connect ECONNREFUSED)');
  });

  it('waits a jittered, doubling, capped delay between attempts', () => {
    const randoms = [0.5, 0.25, 0.75, 0.5, 0.5];
    const { protocol, log, scheduler, runUntil } = setup({
      reconnectionDelay: 100,
      maxReconnectionDelay: 500,
      random: () => randoms.shift() ?? 0.5,
    });
    const attempts = refuseEveryAttempt(scheduler);
    protocol.open();
    runUntil(955);

    // Ceilings 100, 200, 400, 500 (capped), 500.
    expect(log.filter((line) => line.includes('retrying'))).toEqual([
      '10 retrying #1 in 50',
      '70 retrying #2 in 50',
      '130 retrying #3 in 300',
      '440 retrying #4 in 250',
      '700 retrying #5 in 250',
    ]);
    expect(attempts).toEqual([0, 60, 120, 430, 690, 950]);
  });

  it("gives up after maxReconnectionAttempts failed attempts and reports 'failed'", () => {
    const { protocol, log, scheduler, runUntil } = setup({ maxReconnectionAttempts: 2 });
    refuseEveryAttempt(scheduler);
    protocol.open();
    runUntil(10_000);

    expect(log).toEqual([
      '10 lost network (never open)',
      '10 retrying #1 in 50',
      '70 lost network (never open)',
      '70 retrying #2 in 100',
      '180 lost network (never open)',
      '180 failed ReconnectionFailedError: Connection given up after 2 attempt(s): WebSocket could not open (network: connect ECONNREFUSED)',
    ]);
    expect(FakeWebSocket.instances).toHaveLength(3);
  });

  it('can be opened again after giving up', () => {
    const { protocol, scheduler, at, runUntil } = setup({ maxReconnectionAttempts: 0 });
    refuseEveryAttempt(scheduler);
    protocol.open();
    runUntil(100);
    FakeWebSocket.onConstruct = undefined;

    at(200, () => protocol.open());
    at(210, () => FakeWebSocket.last.open());
    runUntil(300);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(protocol.isOpen).toBe(true);
  });

  it("reports 'failed' at the first loss when autoReconnect is false", () => {
    const { protocol, log, at, runUntil } = setup({ autoReconnect: false });
    protocol.open();
    at(10, () => FakeWebSocket.last.open());
    at(20, () => FakeWebSocket.last.serverClose(1001));
    runUntil(10_000);

    expect(log).toEqual(['10 open', '20 lost server 1001', '20 failed LinkLostError: WebSocket lost (server, code 1001)']);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('gives up at once after a fatal close code', () => {
    const { protocol, log, at, runUntil } = setup();
    protocol.open();
    at(10, () => FakeWebSocket.last.open());
    at(20, () => FakeWebSocket.last.serverClose(1002, 'protocol error'));
    runUntil(10_000);

    expect(log).toEqual(['10 open', '20 lost server 1002', '20 failed LinkLostError: WebSocket lost (server, code 1002, protocol error)']);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('starts again from the first delay after a successful connection', () => {
    const randoms = [0.5, 0.5, 0.5];
    const { protocol, log, at, runUntil } = setup({ random: () => randoms.shift() ?? 0.5 });
    protocol.open();
    at(10, () => FakeWebSocket.last.fail());
    at(70, () => FakeWebSocket.last.fail());
    at(180, () => FakeWebSocket.last.open());
    at(200, () => FakeWebSocket.last.serverClose(1001));
    runUntil(300);

    expect(log.filter((line) => line.includes('retrying'))).toEqual([
      '10 retrying #1 in 50',
      '70 retrying #2 in 100',
      '200 retrying #1 in 50',
    ]);
  });

  it('keeps backing off from a server that accepts and closes before answering a ping', () => {
    const { protocol, log, at, runUntil } = setup({ pingInterval: 1000, pongTimeout: 500 });
    protocol.open();
    at(10, () => FakeWebSocket.last.open());
    at(20, () => FakeWebSocket.last.serverClose(1001)); // reconnects at 70
    at(71, () => FakeWebSocket.last.open());
    at(80, () => FakeWebSocket.last.serverClose(1001)); // reconnects at 180
    at(181, () => FakeWebSocket.last.open());
    at(1182, () => FakeWebSocket.last.receive('{"p":2}')); // the pong of the ping sent at 1181: the link proved alive
    at(1200, () => FakeWebSocket.last.serverClose(1001));
    runUntil(1300);

    expect(log.filter((line) => line.includes('retrying'))).toEqual([
      '20 retrying #1 in 50',
      '80 retrying #2 in 100',
      '1200 retrying #1 in 50',
    ]);
  });

  it('never has two sockets open at once', () => {
    const { protocol, scheduler, at, runUntil, held } = setup({ pingInterval: 100, pongTimeout: 50 });
    FakeWebSocket.onConstruct = (socket) => scheduler.schedule(() => socket.open(), 5);
    protocol.open();
    // No socket ever answers a ping, so none proves alive and the delays keep doubling: 50, 100, 200.
    at(30, () => FakeWebSocket.last.serverClose(1000)); // reconnects at 80, open at 85
    at(90, () => FakeWebSocket.last.fail()); // reconnects at 190, open at 195
    // no pong: ping at 295, timeout at 345, reconnects at 545, open at 550
    at(600, () => held.push(protocol.hold(NEVER).subscribe()));
    at(650, () => held.shift()?.unsubscribe());
    runUntil(700);

    expect(FakeWebSocket.instances.length).toBe(5);
    expect(FakeWebSocket.instances.map((socket) => socket.liveSocketsAtCreation)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('WebSocketProtocol: close()', () => {
  it('closes the open socket with 1000 and does not reconnect', () => {
    const { protocol, log, at, runUntil } = setup();
    protocol.open();
    at(10, () => FakeWebSocket.last.open());
    at(20, () => protocol.close());
    runUntil(10_000);

    expect(FakeWebSocket.last.closedWith).toEqual({ code: 1000, reason: '' });
    expect(log).toEqual(['10 open', '20 closed']);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(protocol.isOpen).toBe(false);
    expect(protocol.send('{}')).toBe(false);
  });

  it('stops a pending reconnection', () => {
    const { protocol, log, at, runUntil } = setup();
    protocol.open();
    at(10, () => FakeWebSocket.last.open());
    at(20, () => FakeWebSocket.last.serverClose(1001));
    at(40, () => protocol.close());
    runUntil(10_000);

    expect(log).toEqual(['10 open', '20 lost server 1001', '20 retrying #1 in 50', '40 closed']);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('abandons a connection attempt in progress', () => {
    const { protocol, log, at, runUntil } = setup();
    protocol.open();
    at(10, () => protocol.close());
    runUntil(10_000);

    expect(FakeWebSocket.last.closedWith).toEqual({ code: 1000, reason: '' });
    expect(log).toEqual(['10 closed']);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('opens no socket when called while the link is held', () => {
    const { protocol, log, held } = setup();
    protocol.open();
    FakeWebSocket.last.open();
    held.push(protocol.hold(NEVER).subscribe());
    protocol.close();

    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(log).toEqual(['0 open', '0 lost reopen 1000', '0 closed']);
  });

  it('does nothing when not running', () => {
    const { protocol, log } = setup();
    protocol.close();
    expect(log).toEqual([]);
  });
});

describe('WebSocketProtocol: hold()', () => {
  it('closes the socket and holds the next attempt until the hold ends', () => {
    const { protocol, log, lost, at, runUntil, held } = setup();
    protocol.open();
    at(10, () => FakeWebSocket.last.open());
    at(20, () => held.push(protocol.hold(NEVER).subscribe()));
    runUntil(5000);

    expect(FakeWebSocket.nth(0).closedWith).toEqual({ code: 1000, reason: 'reopen' });
    expect(log).toEqual(['10 open', '20 lost reopen 1000']);
    expect(lost[0]?.origin).toBe('reopen');
    expect(FakeWebSocket.instances).toHaveLength(1);

    at(5000, () => held.shift()?.unsubscribe());
    at(5010, () => FakeWebSocket.last.open());
    runUntil(5100);

    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(FakeWebSocket.nth(1).liveSocketsAtCreation).toBe(0);
    expect(log.slice(2)).toEqual(['5010 open']);
  });

  it('holds an attempt whose backoff delay ends while the link is held', () => {
    const { protocol, at, runUntil, held } = setup();
    protocol.open();
    at(10, () => FakeWebSocket.last.open());
    at(20, () => FakeWebSocket.last.serverClose(1001)); // next attempt due at 70
    at(30, () => held.push(protocol.hold(NEVER).subscribe()));
    runUntil(1000);
    expect(FakeWebSocket.instances).toHaveLength(1);

    at(1000, () => held.shift()?.unsubscribe());
    runUntil(1100);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('does not count the close of a hold as a failed attempt', () => {
    const { protocol, log, at, runUntil, held } = setup({ maxReconnectionAttempts: 1 });
    protocol.open();
    at(10, () => FakeWebSocket.nth(0).open());
    at(20, () => held.push(protocol.hold(NEVER).subscribe()));
    at(30, () => held.shift()?.unsubscribe());
    at(40, () => FakeWebSocket.nth(1).fail());
    at(100, () => FakeWebSocket.instances[2]?.open());
    runUntil(200);

    expect(log).toEqual(['10 open', '20 lost reopen 1000', '40 lost network (never open)', '40 retrying #1 in 50', '100 open']);
  });
});

describe('WebSocketProtocol: the device network', () => {
  it('drops the socket at once when the device goes offline, and reconnects as soon as it is back', () => {
    const network = new Subject<boolean>();
    const { protocol, log, at, runUntil } = setup({ networkStatus$: network, reconnectionDelay: 60_000, random: () => 0.5 });
    protocol.open();
    at(10, () => FakeWebSocket.last.open());
    at(100, () => network.next(false));
    at(500, () => network.next(true));
    at(510, () => FakeWebSocket.last.open());
    runUntil(1000);

    expect(log).toEqual(['10 open', '100 lost network', '100 retrying #1 in 15000', '510 open']);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(FakeWebSocket.instances[0]?.readyState).toBe(FakeWebSocket.CLOSED);
  });

  it('refuses a networkStatus$ that is not an Observable', () => {
    expect(() => fakeProtocol({ networkStatus$: true as never })).toThrow(
      'Invalid option "WebSocketProtocol.networkStatus$": must be an Observable, got true',
    );
  });
});
