import { isKuzzleNotification, isKuzzlePing, isKuzzlePong, type ProxiedFrame } from '../../../src/testing';
import { ByteQueue } from '../../../src/testing/fault-proxy/byte-queue';
import { closePayload, encodeFrame, OPCODES, readFrameHeader } from '../../../src/testing/fault-proxy/frame-codec';
import { withoutExtensionOffer } from '../../../src/testing/fault-proxy/http-head';
import { PASS_THROUGH, withFrozen, withSwallow } from '../../../src/testing/fault-proxy/link-faults';
import { route, swallowingAfter, type RouteContext } from '../../../src/testing/fault-proxy/route';
import { StreamReader, type Segment } from '../../../src/testing/fault-proxy/stream-reader';

const UPGRADE_REQUEST =
  'GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: k\r\n' +
  'Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\nSec-WebSocket-Version: 13\r\n\r\n';
const SWITCHING = 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n';

/** Feeds `bytes` one chunk of `size` bytes at a time. */
function read(reader: StreamReader, bytes: Buffer, size = bytes.length): Segment[] {
  const segments: Segment[] = [];
  for (let at = 0; at < bytes.length; at += size) segments.push(...reader.push(bytes.subarray(at, at + size)));
  return segments;
}

const textFrame = (text: string, direction: ProxiedFrame['direction'] = 'toClient'): ProxiedFrame => ({
  direction,
  type: 'text',
  fin: true,
  payload: Buffer.from(text),
  text,
});

describe('frame codec', () => {
  it.each([0, 125, 126, 65535, 65536, 200_000])('reads back the header of a %i-byte frame, masked or not', (length) => {
    for (const masked of [false, true]) {
      const frame = encodeFrame(OPCODES.binary, Buffer.alloc(length, 7), masked);
      const header = readFrameHeader(frame);
      expect(header).toMatchObject({ fin: true, opcode: OPCODES.binary, payloadLength: length });
      if (header === undefined || header === 'invalid') throw new Error('no header');
      expect(header.headerLength + length).toBe(frame.length);
      expect(header.mask === undefined).toBe(!masked);
    }
  });

  it('needs more bytes before a header is complete, and refuses lengths over 2^53', () => {
    expect(readFrameHeader(Buffer.from([0x81]))).toBeUndefined();
    expect(readFrameHeader(Buffer.from([0x82, 0xfe, 0x01]))).toBeUndefined();
    expect(readFrameHeader(Buffer.from([0x82, 0x7f, 0xff, 0, 0, 0, 0, 0, 0, 0]))).toBe('invalid');
  });

  it('writes a close payload as the code on two bytes then the reason', () => {
    expect([...closePayload(4001, 'ok')]).toEqual([0x0f, 0xa1, 0x6f, 0x6b]);
  });

  it('joins queued chunks only as far as asked', () => {
    const queue = new ByteQueue();
    queue.push(Buffer.from('ab'));
    queue.push(Buffer.from('cde'));
    expect(queue.peek(3).toString()).toBe('abc');
    expect(queue.take(1).toString()).toBe('a');
    expect(queue.take(3).toString()).toBe('bcd');
    expect(queue.length).toBe(1);
    expect(queue.takeAll().toString()).toBe('e');
  });
});

describe('StreamReader', () => {
  it('reads the upgrade head, drops its extension offer, then unmasks client frames, however they are chunked', () => {
    const bytes = Buffer.concat([Buffer.from(UPGRADE_REQUEST), encodeFrame(OPCODES.text, Buffer.from('{"p":1}'), true)]);
    for (const size of [1, 7, bytes.length]) {
      const [head, frame, ...rest] = read(new StreamReader('toServer'), bytes, size);
      expect(rest).toEqual([]);
      expect(head).toMatchObject({ kind: 'head', upgraded: true });
      expect(head?.bytes.toString()).toBe(UPGRADE_REQUEST.replace(/Sec-WebSocket-Extensions[^\r]*\r\n/, ''));
      expect(frame).toMatchObject({ kind: 'frame', frame: { direction: 'toServer', type: 'text', fin: true, text: '{"p":1}' } });
    }
  });

  it('reads server frames after a 101, keeping their bytes as they came', () => {
    const pong = encodeFrame(OPCODES.text, Buffer.from('{"p":2}'));
    const ping = encodeFrame(OPCODES.ping, Buffer.from('x'));
    const segments = read(new StreamReader('toClient'), Buffer.concat([Buffer.from(SWITCHING), pong, ping]), 3);
    expect(segments.map((s) => (s.kind === 'frame' ? s.frame.type : s.kind))).toEqual(['head', 'text', 'ping']);
    expect(segments[1]?.bytes).toEqual(pong);
    expect(segments[2]).toMatchObject({ frame: { text: undefined } });
  });

  it('forwards anything after a head that opens no WebSocket as raw bytes', () => {
    const reader = new StreamReader('toServer');
    const segments = read(reader, Buffer.from('POST /_login/local HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}'));
    expect(segments.map((s) => [s.kind, s.bytes.toString()])).toEqual([
      ['head', 'POST /_login/local HTTP/1.1\r\nContent-Length: 2\r\n\r\n'],
      ['raw', '{}'],
    ]);
    expect(reader.push(Buffer.from([0x81, 0x05]))).toMatchObject([{ kind: 'raw' }]);
  });

  it('gives continuation frames the text of the message they continue', () => {
    const first = Buffer.from([0x01, 0x02, 0x61, 0x62]); // text, not final: "ab"
    const last = Buffer.from([0x80, 0x01, 0x63]); // continuation, final: "c"
    const segments = read(new StreamReader('toClient'), Buffer.concat([Buffer.from(SWITCHING), first, last]));
    expect(segments.slice(1).map((s) => (s.kind === 'frame' ? [s.frame.type, s.frame.fin, s.frame.text] : []))).toEqual([
      ['text', false, 'ab'],
      ['continuation', true, 'c'],
    ]);
  });
});

describe('route', () => {
  const context = (overrides: Partial<RouteContext> = {}): RouteContext => ({
    faults: PASS_THROUGH,
    truncateAt: undefined,
    swallowingMessage: false,
    ...overrides,
  });
  const pong: Segment = { kind: 'frame', bytes: Buffer.alloc(0), frame: textFrame('{"p":2}') };
  const response: Segment = { kind: 'frame', bytes: Buffer.alloc(0), frame: textFrame('{"room":"r1","status":200}') };
  const raw: Segment = { kind: 'raw', bytes: Buffer.from('HTTP') };

  it('forwards everything by default', () => {
    expect([pong, response, raw].map((s) => route(s, 'toClient', context()).action)).toEqual(['forward', 'forward', 'forward']);
  });

  it('drops everything while frozen, HTTP bytes too', () => {
    const frozen = context({ faults: withFrozen(PASS_THROUGH, true) });
    expect(route(raw, 'toServer', frozen)).toEqual({ action: 'drop', reason: 'frozen' });
    expect(route(pong, 'toClient', frozen)).toEqual({ action: 'drop', reason: 'frozen' });
  });

  it('swallows the frames the predicate of their direction chooses, and only those', () => {
    const faults = withSwallow(PASS_THROUGH, 'toClient', isKuzzlePong);
    expect(route(pong, 'toClient', context({ faults }))).toEqual({ action: 'drop', reason: 'swallowed' });
    expect(route(response, 'toClient', context({ faults })).action).toBe('forward');
    expect(route(pong, 'toServer', context({ faults })).action).toBe('forward');
    expect(route(pong, 'toClient', context({ faults: withSwallow(faults, 'toClient', null) })).action).toBe('forward');
  });

  it('truncates the next frame, not HTTP bytes', () => {
    expect(route(pong, 'toClient', context({ truncateAt: 3 }))).toEqual({ action: 'truncate', bytes: 3 });
    expect(route(raw, 'toClient', context({ truncateAt: 3 })).action).toBe('forward');
  });

  it('sends the continuation frames of a message the way of its first frame', () => {
    const faults = withSwallow(PASS_THROUGH, 'toClient', (frame) => frame.text === 'drop me');
    const first: Segment = { kind: 'frame', bytes: Buffer.alloc(0), frame: { ...textFrame('drop me'), fin: false } };
    const rest: Segment = { kind: 'frame', bytes: Buffer.alloc(0), frame: { ...textFrame('but not me'), type: 'continuation' } };
    const verdict = route(first, 'toClient', context({ faults }));
    const swallowing = swallowingAfter(first, verdict, false);
    expect(swallowing).toBe(true);
    expect(route(rest, 'toClient', context({ faults, swallowingMessage: swallowing })).action).toBe('drop');
    expect(swallowingAfter(rest, { action: 'drop', reason: 'swallowed' }, swallowing)).toBe(false);
  });
});

describe('frame predicates', () => {
  it('tell the Kuzzle ping, pong and notifications from responses', () => {
    const notification = textFrame('{"type":"document","status":200,"action":"create","room":"abc-111"}');
    const answer = textFrame('{"action":"now","requestId":"A-1","status":200,"room":"A-1"}');
    expect([isKuzzlePing, isKuzzlePong].map((is) => [is(textFrame('{"p":1}')), is(textFrame('{"p":2}'))])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect([notification, answer, textFrame('{"type": oops'), textFrame('"type"')].map(isKuzzleNotification)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('see no text in a binary frame', () => {
    expect(isKuzzlePong({ ...textFrame(''), type: 'binary', text: undefined, payload: Buffer.from('{"p":2}') })).toBe(false);
  });
});

describe('withoutExtensionOffer', () => {
  it('leaves a head without an offer as it is', () => {
    const head = Buffer.from(SWITCHING);
    expect(withoutExtensionOffer(head)).toBe(head);
  });
});
