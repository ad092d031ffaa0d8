import { randomBytes } from 'node:crypto';
import type { FrameType } from './proxied-frame';

/** RFC 6455 opcodes. */
export const OPCODES = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

/** A frame header never takes more than 2 + 8 (length) + 4 (mask key) bytes. */
export const MAX_HEADER_LENGTH = 14;

export interface FrameHeader {
  readonly fin: boolean;
  readonly opcode: number;
  /** The 4-byte mask key of a client frame; `undefined` for a server frame. */
  readonly mask: Buffer | undefined;
  readonly payloadLength: number;
  /** Bytes before the payload, mask key included. */
  readonly headerLength: number;
}

export function frameType(opcode: number): FrameType {
  const found = Object.entries(OPCODES).find(([, code]) => code === opcode);
  return found ? (found[0] as FrameType) : 'unknown';
}

/**
 * Reads the header at the start of `bytes`: `undefined` while more bytes are needed, `'invalid'` for a length no
 * implementation could send (over 2^53).
 */
export function readFrameHeader(bytes: Buffer): FrameHeader | 'invalid' | undefined {
  if (bytes.length < 2) return undefined;
  const first = bytes[0] as number;
  const second = bytes[1] as number;
  const masked = (second & 0x80) !== 0;
  const short = second & 0x7f;
  const lengthBytes = short === 126 ? 2 : short === 127 ? 8 : 0;
  const headerLength = 2 + lengthBytes + (masked ? 4 : 0);
  if (bytes.length < headerLength) return undefined;
  let payloadLength = short;
  if (short === 126) payloadLength = bytes.readUInt16BE(2);
  if (short === 127) {
    const long = bytes.readBigUInt64BE(2);
    if (long > BigInt(Number.MAX_SAFE_INTEGER)) return 'invalid';
    payloadLength = Number(long);
  }
  return {
    fin: (first & 0x80) !== 0,
    opcode: first & 0x0f,
    mask: masked ? bytes.subarray(2 + lengthBytes, headerLength) : undefined,
    payloadLength,
    headerLength,
  };
}

/** XORs `payload` with the mask key into a new buffer (the same operation masks and unmasks). */
export function applyMask(payload: Buffer, mask: Buffer): Buffer {
  const out = Buffer.allocUnsafe(payload.length);
  for (let i = 0; i < payload.length; i++) out[i] = (payload[i] as number) ^ (mask[i & 3] as number);
  return out;
}

/**
 * One final frame. `masked` is for frames a client sends (the proxy closing upstream), unmasked for frames a server
 * sends (injected frames, close frames to the client).
 */
export function encodeFrame(opcode: number, payload: Buffer, masked = false): Buffer {
  const length = payload.length;
  const lengthBytes = length < 126 ? 0 : length < 0x10000 ? 2 : 8;
  const header = Buffer.alloc(2 + lengthBytes + (masked ? 4 : 0));
  header[0] = 0x80 | opcode;
  header[1] = (masked ? 0x80 : 0) | (lengthBytes === 0 ? length : lengthBytes === 2 ? 126 : 127);
  if (lengthBytes === 2) header.writeUInt16BE(length, 2);
  if (lengthBytes === 8) header.writeBigUInt64BE(BigInt(length), 2);
  if (!masked) return Buffer.concat([header, payload]);
  const mask = randomBytes(4);
  mask.copy(header, 2 + lengthBytes);
  return Buffer.concat([header, applyMask(payload, mask)]);
}

/** The payload of a close frame: the code on two bytes, then the reason in UTF-8. */
export function closePayload(code: number, reason: string): Buffer {
  const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
  payload.writeUInt16BE(code, 0);
  payload.write(reason, 2, 'utf8');
  return payload;
}
