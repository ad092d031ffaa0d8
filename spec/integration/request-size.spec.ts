import { EMPTY, firstValueFrom, type Observable } from 'rxjs';
import WebSocket from 'ws';
import {
  ConnectionLostError,
  isRequestTooLargeError,
  isRequestUnsafeToResendError,
  type Kuzzle,
  type KuzzleEvent,
  type KuzzleRequest,
  type RequestTooLargeError,
  type RequestUnsafeToResendError,
} from '../../src';
import type { ConnectionEvent, FrameEvent } from '../../src/testing';
import { client, record, startTarget, targetNames, waitFor, type Target } from '../support/targets';

// Both servers take frames of up to 1 MiB (the real one's default `server.maxRequestSize: "1MB"`); on a larger one
// they destroy the connection.
const MIB = 1_048_576;

/** A text frame of exactly `bytes` bytes: a server:now padded in its volatile. */
function nowFrame(bytes: number, requestId: string): string {
  const empty = JSON.stringify({ controller: 'server', action: 'now', requestId, volatile: { pad: '' } });
  return JSON.stringify({ controller: 'server', action: 'now', requestId, volatile: { pad: 'x'.repeat(bytes - empty.length) } });
}

/** Sends `text` on a bare socket, then a small request; reports the frames answered and how the socket closed. */
async function bareExchange(target: Target, text: string): Promise<{ answered: unknown[]; code: number; reason: string }> {
  const socket = new WebSocket(`ws://${target.host}:${target.port}`);
  const answered: unknown[] = [];
  socket.on('message', (data) => {
    answered.push((JSON.parse(String(data)) as { requestId?: unknown }).requestId);
    if (answered.length === 2) socket.close(1000);
  });
  socket.on('error', () => undefined);
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(text);
  socket.send(JSON.stringify({ controller: 'server', action: 'now', requestId: 'small' }));
  const [code, reason] = await new Promise<[number, Buffer]>((resolve) => socket.once('close', (...closed) => resolve(closed)));
  return { answered, code, reason: reason.toString() };
}

const failure = <T>(source: Observable<T>): Promise<unknown> =>
  firstValueFrom(source).then(
    (value) => ({ unexpectedValue: value }),
    (error: unknown) => error,
  );

const hugeSearch = (index: string): KuzzleRequest => ({
  controller: 'document',
  action: 'search',
  index,
  collection: 'c',
  body: { query: { ids: { values: Array.from({ length: 100_000 }, (_, i) => `document-${i}`) } } },
});

/** The controller:action of each request the embedded server received (pings left out). */
const requestsReceived = (frames: FrameEvent[]): string[] =>
  frames
    .filter((frame) => frame.direction === 'in')
    .map((frame) => JSON.parse(frame.text) as Record<string, unknown>)
    .filter((request) => request['controller'] !== undefined)
    .map((request) => `${String(request['controller'])}:${String(request['action'])}`);

const ofType = (events: KuzzleEvent[], type: KuzzleEvent['type']) => events.filter((event) => event.type === type);

describe.each(targetNames())('request size on the %s server', (name) => {
  let target: Target;
  let kuzzle: Kuzzle | undefined;

  beforeAll(async () => {
    target = await startTarget(name);
  });
  afterAll(async () => {
    await target.stop();
  });
  afterEach(async () => {
    kuzzle?.disconnect();
    // The next test counts the embedded server's connections: this one's must be gone.
    await waitFor(() => (target.embedded?.connectionCount ?? 0) === 0);
  });

  it('answers a frame of 1 MiB, and drops the connection on one byte more: 1006, nothing answered before or after', async () => {
    expect(await bareExchange(target, nowFrame(MIB, 'limit'))).toEqual({ answered: ['limit', 'small'], code: 1000, reason: '' });
    expect(await bareExchange(target, nowFrame(MIB + 1, 'over'))).toEqual({ answered: [], code: 1006, reason: '' });
  });

  it('refuses an oversized search and write with RequestTooLargeError, unsent; the link stays up, the requests beside them are answered', async () => {
    kuzzle = client(target);
    const events = record(kuzzle.events$);
    const connections = record<ConnectionEvent>(target.embedded?.connections$ ?? EMPTY);
    const frames = record<FrameEvent>(target.embedded?.frames$ ?? EMPTY);
    await firstValueFrom(kuzzle.connect());

    const [before, search, write, after] = await Promise.all([
      firstValueFrom(kuzzle.server.now()),
      failure(kuzzle.query(hugeSearch('rxsizeindex'))),
      failure(kuzzle.document.create('rxsizeindex', 'c', { pad: 'x'.repeat(MIB) })),
      firstValueFrom(kuzzle.server.now()),
    ]);

    expect(isRequestTooLargeError(search)).toBe(true);
    expect((search as RequestTooLargeError).limit).toBe(MIB);
    expect((search as RequestTooLargeError).size).toBeGreaterThan(MIB);
    expect((search as Error).message).toMatch(
      /^Request document:search \(.+\) is \d+ bytes once serialised, over the maxRequestSize of 1048576 bytes/,
    );
    expect(write).toMatchObject({ name: 'RequestTooLargeError', request: { controller: 'document', action: 'create' } });
    expect([typeof before, typeof after]).toEqual(['number', 'number']);
    expect(events.values.map((event) => event.type)).toEqual(['connected']);
    if (target.embedded) {
      expect(connections.values.map((event) => event.type)).toEqual(['open']);
      expect(requestsReceived(frames.values)).toEqual(['server:now', 'server:now']);
    }
    connections.stop();
    frames.stop();
  });

  it('with the limit off, the server drops the link on the oversized read; it is re-sent twice, then fails with RequestUnsafeToResendError, and the link stays up', async () => {
    kuzzle = client(target, {}, { maxRequestSize: 0 });
    const events = record(kuzzle.events$);
    const connections = record<ConnectionEvent>(target.embedded?.connections$ ?? EMPTY);
    const frames = record<FrameEvent>(target.embedded?.frames$ ?? EMPTY);
    await firstValueFrom(kuzzle.connect());
    const live = kuzzle;

    const poison = failure(live.query({ controller: 'server', action: 'now', volatile: { pad: 'x'.repeat(MIB) } }));
    const write = failure(live.document.create('rxsizeindex', 'c', { small: true }));
    // A read made on the first reconnection: it goes out after the oversized one until that one is given up.
    const later = new Promise<number>((resolve, reject) => {
      const first = live.events$.subscribe((event) => {
        if (event.type !== 'reconnected') return;
        first.unsubscribe();
        firstValueFrom(live.server.now()).then(resolve, reject);
      });
    });

    const error = await poison;
    expect(isRequestUnsafeToResendError(error)).toBe(true);
    expect(error).toMatchObject({ losses: 3, maxResends: 2, request: { controller: 'server', action: 'now' } });
    expect((error as RequestUnsafeToResendError).message).toContain('was in flight at 3 consecutive link losses (maxResends: 2)');
    expect(await write).toBeInstanceOf(ConnectionLostError);
    expect(typeof (await later)).toBe('number');
    expect(typeof (await firstValueFrom(live.server.now()))).toBe('number');

    const lost = ofType(events.values, 'disconnected');
    expect(lost).toEqual(Array.from({ length: 3 }, () => ({ type: 'disconnected', origin: 'network', code: 1006 })));
    expect(ofType(events.values, 'reconnected')).toHaveLength(3);
    if (target.embedded) {
      expect(connections.values.filter((event) => event.type === 'open')).toHaveLength(4);
      expect(connections.values.filter((event) => event.type === 'close').map((event) => event.code)).toEqual([1006, 1006, 1006]);
      expect(frames.values.filter((frame) => frame.direction === 'in' && frame.text.length > MIB)).toHaveLength(3);
    }
    connections.stop();
    frames.stop();
  });

  it('with no resend limit either (as before the limit), the link keeps flapping under the oversized read', async () => {
    kuzzle = client(target, {}, { maxRequestSize: 0, maxResends: Infinity });
    const events = record(kuzzle.events$);
    await firstValueFrom(kuzzle.connect());
    const poison = record(kuzzle.query({ controller: 'server', action: 'now', volatile: { pad: 'x'.repeat(MIB) } }));

    await waitFor(() => ofType(events.values, 'disconnected').length >= 6, 20_000);
    expect(poison.errors).toEqual([]);
    poison.stop();
  });
});
