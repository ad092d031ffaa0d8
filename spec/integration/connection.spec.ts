import { firstValueFrom, filter, take, toArray, lastValueFrom } from 'rxjs';
import { ConnectionLostError, KuzzleError, NotConnectedError, type Kuzzle } from '../../src';
import { client, nextEvent, record, startTarget, targetNames, USER, type Target } from '../support/targets';

describe.each(targetNames())('connection on the %s server', (name) => {
  let target: Target;
  let kuzzle: Kuzzle;

  beforeAll(async () => {
    target = await startTarget(name);
  });
  afterAll(async () => {
    await target.stop();
  });
  afterEach(() => kuzzle?.disconnect());

  it('connects, answers requests and reports state changes in order', async () => {
    kuzzle = client(target);
    const states = record(kuzzle.state$);
    await firstValueFrom(kuzzle.connect());
    const now = await firstValueFrom(kuzzle.server.now());
    expect(Math.abs(now - Date.now())).toBeLessThan(60_000);
    kuzzle.disconnect();
    expect(states.values).toEqual(['offline', 'connecting', 'connected', 'offline']);
  });

  it('turns an error response into a KuzzleError with the server fields', async () => {
    kuzzle = client(target);
    await firstValueFrom(kuzzle.connect());
    const error = await firstValueFrom(
      kuzzle.query({ controller: 'document', action: 'get', index: 'nope-index', collection: 'c', _id: 'x' }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KuzzleError);
    const kuzzleError = error as KuzzleError;
    expect(kuzzleError.id).toBe('services.storage.unknown_index');
    expect(kuzzleError.status).toBe(412);
    expect(typeof kuzzleError.code).toBe('number');
    expect(kuzzleError.props).toEqual(['nope-index']);
  });

  it('measures the ping round trip and keeps a listen-only client connected', async () => {
    kuzzle = client(target, { pingInterval: 200 });
    await firstValueFrom(kuzzle.connect());
    const latencies = await firstValueFrom(kuzzle.latency$.pipe(take(3), toArray()));
    expect(latencies).toHaveLength(3);
    for (const ms of latencies) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('logs in with a token, authenticates later requests, and logs out', async () => {
    kuzzle = client(target);
    await firstValueFrom(kuzzle.connect());
    const login = await firstValueFrom(kuzzle.auth.login('local', USER, '1h'));
    expect(login._id).toBe(USER.username);
    expect(login.jwt).toMatch(/^kauth-/);
    expect(kuzzle.jwt).toBe(login.jwt);
    expect((await firstValueFrom(kuzzle.auth.getCurrentUser()))._id).toBe(USER.username);
    expect((await firstValueFrom(kuzzle.auth.checkToken())).valid).toBe(true);
    await firstValueFrom(kuzzle.auth.logout());
    expect(kuzzle.jwt).toBeNull();
    expect((await firstValueFrom(kuzzle.auth.getCurrentUser()))._id).toBe('-1');
    expect((await firstValueFrom(kuzzle.auth.checkToken(login.jwt))).valid).toBe(false);
  });

  it('reports a token the server refuses and drops it', async () => {
    kuzzle = client(target);
    await firstValueFrom(kuzzle.connect());
    kuzzle.jwt = 'kauth-not-a-token';
    const expired = nextEvent(kuzzle, 'tokenExpired');
    const error = await firstValueFrom(kuzzle.auth.getCurrentUser()).catch((e: unknown) => e);
    expect((error as KuzzleError).id).toBe('security.token.invalid');
    await expired;
    expect(kuzzle.jwt).toBeNull();
  });

  it('fails at once with NotConnectedError while offline', async () => {
    kuzzle = client(target);
    const error = await firstValueFrom(kuzzle.server.now()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotConnectedError);
  });

  it('reconnects after a server restart, re-sends a read-only request and reports it', async () => {
    kuzzle = client(target);
    await firstValueFrom(kuzzle.connect());
    const disconnected = nextEvent(kuzzle, 'disconnected', 60_000);
    const reconnected = nextEvent(kuzzle, 'reconnected', 120_000);
    await target.restart();
    expect((await disconnected).origin).toMatch(/network|server/);
    await reconnected;
    expect(typeof (await firstValueFrom(kuzzle.server.now()))).toBe('number');
  }, 180_000);
});

describe.runIf(targetNames().includes('embedded'))('connection faults (embedded server)', () => {
  let target: Target;
  let kuzzle: Kuzzle;

  beforeEach(async () => {
    target = await startTarget('embedded');
  });
  afterEach(async () => {
    kuzzle?.disconnect();
    await target.stop();
  });

  const server = () => {
    if (!target.embedded) throw new Error('embedded target expected');
    return target.embedded;
  };

  it('sends {"p":1} every pingInterval', async () => {
    kuzzle = client(target, { pingInterval: 100 });
    const frames = record(server().frames$.pipe(filter((f) => f.direction === 'in' && f.text === '{"p":1}')));
    await firstValueFrom(kuzzle.connect());
    await firstValueFrom(kuzzle.latency$.pipe(take(4), toArray()));
    frames.stop();
    expect(frames.values.length).toBeGreaterThanOrEqual(4);
  });

  it('detects a frozen link within pingInterval + pongTimeout and reconnects', async () => {
    kuzzle = client(target, { pingInterval: 200, pongTimeout: 300 });
    await firstValueFrom(kuzzle.connect());
    const frozenAt = Date.now();
    server().freeze(true);
    const lost = await nextEvent(kuzzle, 'disconnected');
    expect(lost.origin).toBe('ping-timeout');
    // Generous bound: the exact one is proven in virtual time by the marble tests.
    expect(Date.now() - frozenAt).toBeLessThan(2000);
    server().freeze(false);
    await nextEvent(kuzzle, 'reconnected');
    expect(typeof (await firstValueFrom(kuzzle.server.now()))).toBe('number');
  });

  it.each([1000, 1001, 4000])('reconnects after the server closes with %i', async (code) => {
    kuzzle = client(target);
    await firstValueFrom(kuzzle.connect());
    const lost = nextEvent(kuzzle, 'disconnected');
    const back = nextEvent(kuzzle, 'reconnected');
    server().closeAll(code, 'bye');
    expect(await lost).toMatchObject({ origin: 'server', code });
    await back;
  });

  it('reconnects after the TCP connection drops, and keeps trying while connections are refused', async () => {
    kuzzle = client(target);
    await firstValueFrom(kuzzle.connect());
    server().refuseConnections(true);
    const attempts = record(kuzzle.events$.pipe(filter((e) => e.type === 'reconnecting')));
    server().dropAll();
    await firstValueFrom(
      kuzzle.events$.pipe(
        filter((e) => e.type === 'reconnecting'),
        take(3),
        toArray(),
      ),
    );
    server().refuseConnections(false);
    await nextEvent(kuzzle, 'reconnected');
    attempts.stop();
    expect(attempts.values.length).toBeGreaterThanOrEqual(3);
    expect(server().connectionCount).toBe(1);
  });

  it('sends the handshake headers (Node)', async () => {
    const opened = firstValueFrom(server().connections$.pipe(filter((c) => c.type === 'open')));
    kuzzle = client(target, { headers: { 'x-app': 'kuzzle-rx-spec' } });
    await firstValueFrom(kuzzle.connect());
    expect((await opened).headers['x-app']).toBe('kuzzle-rx-spec');
  });

  it('keeps a listen-only client past the idle timeout thanks to the pings', async () => {
    await target.stop();
    target = await startTarget('embedded', { idleTimeout: 600 });
    kuzzle = client(target, { pingInterval: 200 });
    const lost = record(kuzzle.events$.pipe(filter((e) => e.type === 'disconnected')));
    await firstValueFrom(kuzzle.connect());
    await firstValueFrom(kuzzle.latency$.pipe(take(12), toArray()));
    lost.stop();
    expect(lost.values).toEqual([]);
  });

  it('is dropped by the idle timeout when the keep-alive is disabled (the control case)', async () => {
    await target.stop();
    target = await startTarget('embedded', { idleTimeout: 600 });
    kuzzle = client(target, { pingInterval: 0 });
    await firstValueFrom(kuzzle.connect());
    expect((await nextEvent(kuzzle, 'disconnected', 5000)).origin).toBe('network');
  });

  it('fails a write in flight with ConnectionLostError and re-sends a read-only one', async () => {
    kuzzle = client(target);
    await firstValueFrom(kuzzle.connect());
    server().delayResponses(500);
    const write = firstValueFrom(kuzzle.realtime.publish('i', 'c', { a: 1 })).catch((e: unknown) => e);
    const read = firstValueFrom(kuzzle.server.now());
    const lost = nextEvent(kuzzle, 'disconnected');
    // Let both requests reach the server before the link drops.
    await firstValueFrom(server().frames$.pipe(filter((f) => f.direction === 'in' && f.text.includes('"now"'))));
    server().dropAll();
    await lost;
    server().delayResponses(0);
    expect(await write).toBeInstanceOf(ConnectionLostError);
    expect(typeof (await read)).toBe('number');
  });

  it('queues requests made while reconnecting and sends them once connected', async () => {
    kuzzle = client(target);
    await firstValueFrom(kuzzle.connect());
    server().refuseConnections(true);
    server().dropAll();
    await nextEvent(kuzzle, 'reconnecting');
    const queued = nextEvent(kuzzle, 'queued');
    const answer = firstValueFrom(kuzzle.server.now());
    await queued;
    server().refuseConnections(false);
    expect(typeof (await answer)).toBe('number');
  });

  it('reports a non-JSON frame as discarded and keeps working', async () => {
    kuzzle = client(target);
    await firstValueFrom(kuzzle.connect());
    const discarded = nextEvent(kuzzle, 'discarded');
    server().sendRaw('this is not json');
    expect(await discarded).toMatchObject({ reason: 'not-json', frame: 'this is not json' });
    expect(typeof (await firstValueFrom(kuzzle.server.now()))).toBe('number');
  });

  it('reports the TokenExpired notification as tokenExpired and drops the token', async () => {
    kuzzle = client(target);
    await firstValueFrom(kuzzle.connect());
    const { jwt } = await firstValueFrom(kuzzle.auth.login('local', USER, '1h'));
    const subscription = kuzzle.realtime.subscribe('i', 'c', {}).subscribe({ error: () => undefined });
    await nextEvent(kuzzle, 'subscribed');
    const expired = nextEvent(kuzzle, 'tokenExpired');
    server().expireToken(jwt ?? '');
    await expired;
    expect(kuzzle.jwt).toBeNull();
    subscription.unsubscribe();
  });

  it('completes connect() for every caller on one socket', async () => {
    kuzzle = client(target);
    const opens = record(server().connections$.pipe(filter((c) => c.type === 'open')));
    await Promise.all([
      lastValueFrom(kuzzle.connect(), { defaultValue: undefined }),
      lastValueFrom(kuzzle.connect(), { defaultValue: undefined }),
    ]);
    await firstValueFrom(kuzzle.connect(), { defaultValue: undefined });
    opens.stop();
    expect(opens.values).toHaveLength(1);
  });
});
