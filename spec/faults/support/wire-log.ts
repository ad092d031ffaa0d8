import { isReadOnly } from '../../../src';
import type { FramePredicate, ProxiedFrame } from '../../../src/testing';

/** One request frame the proxy forwarded to the server. */
export interface SentFrame {
  readonly requestId: string;
  readonly controller: string;
  readonly action: string;
  /** The workload's sequence number, for the documents it creates. */
  readonly seq: number | undefined;
  readonly bytes: number;
}

function asRequest(frame: ProxiedFrame): SentFrame | undefined {
  if (frame.text === undefined || frame.text === '{"p":1}') return undefined;
  try {
    const request = JSON.parse(frame.text) as Record<string, unknown>;
    const { requestId, controller, action } = request;
    if (typeof requestId !== 'string' || typeof controller !== 'string' || typeof action !== 'string') return undefined;
    const body = request['body'] as Record<string, unknown> | undefined;
    const seq = typeof body?.['seq'] === 'number' ? body['seq'] : undefined;
    return { requestId, controller, action, seq, bytes: frame.payload.byteLength };
  } catch {
    return undefined;
  }
}

/**
 * The requests that reached the server through the proxy, read by a swallow predicate that swallows nothing (the
 * proxy only asks it about frames it is about to forward: frozen links never show here).
 */
export class WireLog {
  private readonly sent: SentFrame[] = [];

  /** Install with `proxy.all().swallow('toServer', log.observe)`. */
  readonly observe: FramePredicate = (frame) => {
    const request = asRequest(frame);
    if (request) this.sent.push(request);
    return false;
  };

  /** How many frames of this request id reached the server. */
  framesOf(requestId: string): number {
    return this.sent.filter((frame) => frame.requestId === requestId).length;
  }

  /** Every request id seen, with its action and how many times it was sent. */
  counts(): Array<{ requestId: string; action: string; readOnly: boolean; frames: number }> {
    const byId = new Map<string, { requestId: string; action: string; readOnly: boolean; frames: number }>();
    for (const frame of this.sent) {
      const known = byId.get(frame.requestId);
      if (known) known.frames++;
      else
        byId.set(frame.requestId, {
          requestId: frame.requestId,
          action: `${frame.controller}:${frame.action}`,
          readOnly: isReadOnly(frame),
          frames: 1,
        });
    }
    return [...byId.values()];
  }

  /** How many `document:create` frames carried this workload sequence number (any request id). */
  createsOf(seq: number): number {
    return this.sent.filter((frame) => frame.action === 'create' && frame.controller === 'document' && frame.seq === seq).length;
  }

  /** Every frame larger than `bytes`. */
  largerThan(bytes: number): SentFrame[] {
    return this.sent.filter((frame) => frame.bytes > bytes);
  }
}
