import { ByteQueue } from './byte-queue';
import { applyMask, frameType, MAX_HEADER_LENGTH, readFrameHeader, type FrameHeader } from './frame-codec';
import { asksForWebSocket, HEAD_END, MAX_HEAD_LENGTH, switchesProtocols, withoutExtensionOffer } from './http-head';
import type { ProxyDirection, ProxiedFrame } from './proxied-frame';

/** A piece of one direction of a connection, forwarded (or not) as a whole. */
export type Segment =
  /** The HTTP head that opens the direction; `upgraded` when it asks for (or agrees to) a WebSocket. */
  | { readonly kind: 'head'; readonly bytes: Buffer; readonly upgraded: boolean }
  /** Bytes of a direction that is not WebSocket (plain HTTP), as they came. */
  | { readonly kind: 'raw'; readonly bytes: Buffer }
  /** One whole WebSocket frame: its bytes as they came (still masked) and what they mean. */
  | { readonly kind: 'frame'; readonly bytes: Buffer; readonly frame: ProxiedFrame };

type Mode = 'head' | 'frames' | 'raw';

/**
 * Cuts one direction of a connection into segments: first the HTTP head, then WebSocket frames if the head opened
 * a WebSocket, else raw bytes. A stream it cannot read as frames goes on as raw bytes.
 */
export class StreamReader {
  private mode: Mode = 'head';
  private readonly queue = new ByteQueue();
  /** The type of the fragmented message under way, which its continuation frames carry on. */
  private message: 'text' | 'binary' | undefined;

  constructor(private readonly direction: ProxyDirection) {}

  /** Takes a chunk; returns the segments it completed. */
  push(chunk: Buffer): Segment[] {
    this.queue.push(chunk);
    const segments: Segment[] = [];
    for (let next = this.next(); next !== undefined; next = this.next()) segments.push(next);
    return segments;
  }

  private next(): Segment | undefined {
    if (this.mode === 'head') return this.head();
    if (this.mode === 'frames') return this.frame();
    return this.queue.length > 0 ? { kind: 'raw', bytes: this.queue.takeAll() } : undefined;
  }

  private head(): Segment | undefined {
    const end = this.queue.peek(MAX_HEAD_LENGTH + HEAD_END.length).indexOf(HEAD_END);
    if (end < 0) {
      if (this.queue.length <= MAX_HEAD_LENGTH) return undefined;
      this.mode = 'raw';
      return this.next();
    }
    const bytes = this.queue.take(end + HEAD_END.length);
    const text = bytes.toString('latin1');
    const upgraded = this.direction === 'toServer' ? asksForWebSocket(text) : switchesProtocols(text);
    this.mode = upgraded ? 'frames' : 'raw';
    return { kind: 'head', bytes: upgraded && this.direction === 'toServer' ? withoutExtensionOffer(bytes) : bytes, upgraded };
  }

  private frame(): Segment | undefined {
    const header = readFrameHeader(this.queue.peek(MAX_HEADER_LENGTH));
    if (header === undefined) return undefined;
    if (header === 'invalid') {
      this.mode = 'raw';
      return this.next();
    }
    if (this.queue.length < header.headerLength + header.payloadLength) return undefined;
    const bytes = this.queue.take(header.headerLength + header.payloadLength);
    return { kind: 'frame', bytes, frame: this.decode(header, bytes) };
  }

  private decode(header: FrameHeader, bytes: Buffer): ProxiedFrame {
    const body = bytes.subarray(header.headerLength);
    const payload = header.mask ? applyMask(body, header.mask) : body;
    const type = frameType(header.opcode);
    const carried = type === 'continuation' ? this.message : type;
    if (type === 'text' || type === 'binary') this.message = header.fin ? undefined : type;
    if (type === 'continuation' && header.fin) this.message = undefined;
    return {
      direction: this.direction,
      type,
      fin: header.fin,
      payload,
      text: carried === 'text' ? payload.toString('utf8') : undefined,
    };
  }
}
