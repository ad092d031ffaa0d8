import { of, Subject } from 'rxjs';
import { DEFAULT_KUZZLE_OPTIONS, type KuzzleOptions } from '../../../src/client/options';
import { Kuzzle } from '../../../src/client/kuzzle';
import { oversize, RequestChannel, utf8Length } from '../../../src/links/request-channel';
import { isRequestTooLargeError, RequestTooLargeError, type KuzzleRequest } from '../../../src';
import { clientHarness, fakeProtocol, nameAndMessage, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';
import { invalidOptionOf } from '../../support/invalid-option';

const MIB = 1_048_576;

/** A server:now whose frame takes `bytes` bytes once the client serialised it (`overhead` measured beforehand). */
const nowOfSize = (bytes: number, overhead: number, requestId = 'big-1', unit = 'x'): KuzzleRequest => ({
  controller: 'server',
  action: 'now',
  requestId,
  volatile: { pad: unit.repeat((bytes - overhead) / utf8Length(unit)) },
});

/** A connected client, and the bytes its frames of `nowOfSize` take besides the padding. */
function connected() {
  const harness = clientHarness();
  const socket = harness.connect();
  observe(harness.kuzzle.query(nowOfSize(0, 0, 'big-0')));
  const overhead = Buffer.byteLength(socket.sent[socket.sent.length - 1] ?? '');
  socket.respond(socket.lastRequest, { now: 0 });
  return { ...harness, socket, overhead };
}

const sentIds = (socket: FakeWebSocket): unknown[] => socket.requests.map((request) => request['requestId']);

beforeEach(() => FakeWebSocket.reset());

describe('the UTF-8 size of a frame', () => {
  it('counts the bytes a WebSocket sends, whatever the characters', () => {
    const samples = ['', 'plain', 'é', '€uro', '😀', 'a\ud800b', '\udc00', '\ud83d', 'x😀é€\u0000\u007f\u0080\u07ff\u0800\uffff'];
    for (const text of samples) expect([text, utf8Length(text)]).toEqual([text, Buffer.byteLength(text, 'utf8')]);
  });

  it('agrees with Buffer.byteLength on random text from every range of UTF-16 units', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const ranges = [0x80, 0x800, 0xd800, 0xe000, 0x10000];
    for (let run = 0; run < 200; run++) {
      const units = Array.from({ length: next() % 40 }, () => next() % (ranges[next() % ranges.length] ?? 0x80));
      const text = String.fromCharCode(...units);
      expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });

  it('tells a frame over the limit by its size, and clears one at the limit or with no limit', () => {
    expect(oversize('é'.repeat(6), 11)).toBe(12);
    expect(oversize('é'.repeat(6), 12)).toBeUndefined();
    expect(oversize('x'.repeat(12), 11)).toBe(12);
    expect(oversize('x'.repeat(MIB * 2), 0)).toBeUndefined();
    expect(oversize('x'.repeat(MIB * 2), Infinity)).toBeUndefined();
  });
});

describe('the maxRequestSize and maxResends options', () => {
  it('default to the server default of 1 MiB and to 2 re-sends', () => {
    expect(DEFAULT_KUZZLE_OPTIONS).toMatchObject({ maxRequestSize: MIB, maxResends: 2 });
    expect(new Kuzzle(fakeProtocol()).options).toMatchObject({ maxRequestSize: MIB, maxResends: 2 });
  });

  it('accept 0 and Infinity', () => {
    const options = new Kuzzle(fakeProtocol(), { maxRequestSize: Infinity, maxResends: 0 }).options;
    expect([options.maxRequestSize, options.maxResends]).toEqual([Infinity, 0]);
    expect(new Kuzzle(fakeProtocol(), { maxRequestSize: 0, maxResends: Infinity }).options.maxResends).toBe(Infinity);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a negative maxRequestSize', { maxRequestSize: -1 }, 'Kuzzle.maxRequestSize', '-1'],
    ['a fractional maxRequestSize', { maxRequestSize: 1.5 }, 'Kuzzle.maxRequestSize', '1.5'],
    ['a maxRequestSize given as text', { maxRequestSize: '1mb' }, 'Kuzzle.maxRequestSize', '"1mb"'],
    ['a fractional maxResends', { maxResends: 0.5 }, 'Kuzzle.maxResends', '0.5'],
    ['a NaN maxResends', { maxResends: NaN }, 'Kuzzle.maxResends', 'NaN'],
  ])('refuse %s, naming the field and what was given', (_what, options, field, given) => {
    expect(invalidOptionOf(() => new Kuzzle(fakeProtocol(), options as KuzzleOptions))).toEqual({
      name: 'InvalidOptionError',
      field,
      message: `Invalid option "${field}": must be a whole number >= 0, or Infinity, got ${given}`,
    });
  });
});

describe('a request over maxRequestSize', () => {
  it('fails with RequestTooLargeError naming both sizes and the action, and nothing is sent', () => {
    const { kuzzle, socket, overhead, events } = connected();
    const big = observe(kuzzle.query(nowOfSize(MIB + 1, overhead)));

    expect(nameAndMessage(big.error)).toEqual({
      name: 'RequestTooLargeError',
      message: `Request server:now (big-1) is ${MIB + 1} bytes once serialised, over the maxRequestSize of ${MIB} bytes: it was not sent`,
    });
    expect(big.error).toBeInstanceOf(RequestTooLargeError);
    expect(isRequestTooLargeError(big.error)).toBe(true);
    expect(big.error).toMatchObject({ size: MIB + 1, limit: MIB, request: { controller: 'server', action: 'now', requestId: 'big-1' } });
    expect(sentIds(socket)).toEqual(['big-0']);
    expect(events.map((event) => event.type)).toEqual(['connected']);
  });

  it('goes out at exactly maxRequestSize bytes', () => {
    const { kuzzle, socket, overhead } = connected();
    const atLimit = observe(kuzzle.query(nowOfSize(MIB, overhead)));
    expect(Buffer.byteLength(socket.sent[socket.sent.length - 1] ?? '')).toBe(MIB);
    socket.respond(socket.lastRequest, { now: 1 });
    expect(atLimit.completed).toBe(true);
  });

  it('is measured in UTF-8 bytes, not in characters', () => {
    const { kuzzle, socket, overhead } = connected();
    // Just over the limit in bytes (the padding of two-byte characters sets the parity), under it in characters.
    const size = MIB + 1 + ((MIB + 1 - overhead) % 2);
    const request = nowOfSize(size, overhead, 'big-1', 'é');
    expect(JSON.stringify(request).length).toBeLessThan(MIB);
    const big = observe(kuzzle.query(request));
    expect(big.error).toMatchObject({ name: 'RequestTooLargeError', size });
    expect(sentIds(socket)).toEqual(['big-0']);
  });

  it('counts the token in the size but leaves it out of the error', () => {
    const { kuzzle, socket, overhead } = connected();
    kuzzle.jwt = `kauth-${'t'.repeat(100)}`;
    const withToken = Buffer.byteLength(`,"jwt":"${kuzzle.jwt}"`);
    const big = observe(kuzzle.query(nowOfSize(MIB - 10, overhead)));

    expect(big.error).toMatchObject({ name: 'RequestTooLargeError', size: MIB - 10 + withToken });
    expect((big.error as RequestTooLargeError).request).not.toHaveProperty('jwt');
    expect(sentIds(socket)).toEqual(['big-0']);
  });

  it('leaves the link up and the requests in flight with it answered', () => {
    const { kuzzle, socket, events } = connected();
    const before = observe(kuzzle.server.now());
    const write = observe(
      kuzzle.query({ controller: 'document', action: 'create', index: 'i', collection: 'c', body: { pad: 'x'.repeat(MIB) } }),
    );
    const after = observe(kuzzle.server.now());
    const [, first, second] = socket.requests;
    if (!first || !second) throw new Error('two requests expected');
    socket.respond(second, { now: 2 });
    socket.respond(first, { now: 1 });

    expect(write.error).toMatchObject({ name: 'RequestTooLargeError', request: { controller: 'document', action: 'create' } });
    expect([before.values, after.values]).toEqual([[1], [2]]);
    expect(sentIds(socket)).toEqual(['big-0', 'id-1', 'id-3']);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(events.map((event) => event.type)).toEqual(['connected']);
  });

  it('made while connecting, fails once connected, still unsent', () => {
    const { kuzzle } = clientHarness();
    kuzzle.connect().subscribe();
    const big = observe(kuzzle.query({ controller: 'server', action: 'now', volatile: { pad: 'x'.repeat(MIB) } }));
    expect(big.error).toBeUndefined();
    FakeWebSocket.last.open();

    expect(big.error).toMatchObject({ name: 'RequestTooLargeError', limit: MIB });
    expect(FakeWebSocket.last.requests).toEqual([]);
  });
});

describe('the request channel with another maxRequestSize', () => {
  const channel = (maxRequestSize: number | undefined, sent: string[]) =>
    new RequestChannel({
      send: (text) => sent.push(text) > 0,
      serialize: (request) => JSON.stringify(request),
      linkLost$: new Subject<void>(),
      whenReady: () => of(undefined),
      ...(maxRequestSize === undefined ? {} : { maxRequestSize }),
    });
  const big = { controller: 'server', action: 'now', requestId: 'r', body: 'x'.repeat(2 * MIB) };

  it.each([0, Infinity])('sends any size with %s', (limit) => {
    const sent: string[] = [];
    observe(channel(limit, sent).exchange(big, {}, false));
    expect(sent.map((text) => text.length)).toEqual([JSON.stringify(big).length]);
  });

  it('refuses at its own figure, and uses the default one when given none', () => {
    const sent: string[] = [];
    const small = observe(channel(1000, sent).exchange({ ...big, body: 'x'.repeat(1000) }, {}, false));
    const byDefault = observe(channel(undefined, sent).exchange(big, {}, false));
    expect(small.error).toMatchObject({ name: 'RequestTooLargeError', limit: 1000 });
    expect(byDefault.error).toMatchObject({ name: 'RequestTooLargeError', limit: MIB });
    expect(sent).toEqual([]);
  });
});
