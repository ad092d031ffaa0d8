import type { Socket } from 'node:net';
import {
  filter,
  finalize,
  forkJoin,
  fromEvent,
  ignoreElements,
  map,
  merge,
  mergeMap,
  takeUntil,
  tap,
  type Observable,
  type SchedulerLike,
} from 'rxjs';
import type { Tally } from './counters';
import { delayEach } from './delay-each';
import { NotAWebSocketError } from './errors';
import {
  checkBytes,
  checkCloseCode,
  checkCloseReason,
  checkDirection,
  checkInjected,
  checkLatency,
  checkPredicate,
} from './fault-arguments';
import type { FaultControls } from './fault-controls';
import { closePayload, encodeFrame, OPCODES } from './frame-codec';
import { PASS_THROUGH, withFrozen, withLatency, withSwallow, type LinkFaults } from './link-faults';
import type { ProxyDirection, FramePredicate } from './proxied-frame';
import { route, swallowingAfter, type Verdict } from './route';
import { closeOf, ignoreErrors } from './sockets';
import { StreamReader, type Segment } from './stream-reader';

/** What a connection turned out to be: not known until the heads have passed. */
export type ConnectionKind = 'pending' | 'websocket' | 'http';

/** What a connection needs from its proxy. */
export interface ConnectionContext {
  readonly scheduler: SchedulerLike;
  readonly tally: Tally;
  /** Called once the server's `101 Switching Protocols` reached the client. */
  readonly upgraded: (connection: ProxiedConnection) => void;
}

interface Planned {
  readonly segment: Segment;
  readonly verdict: Verdict;
}

/** One client connection and its own connection to the server, with the faults it is put through. */
export class ProxiedConnection implements FaultControls {
  private faults: LinkFaults;
  private truncations: Partial<Record<ProxyDirection, number>> = {};
  private readonly swallowing: Record<ProxyDirection, boolean> = { toClient: false, toServer: false };
  private state: ConnectionKind = 'pending';
  /** Cut, truncated or closed by the proxy: nothing more is forwarded. */
  private ending = false;

  /** @internal */
  constructor(
    /** Numbered from 1 in the order the proxy accepted them. */
    readonly id: number,
    private readonly client: Socket,
    private readonly server: Socket,
    faults: LinkFaults,
    private readonly context: ConnectionContext,
  ) {
    this.faults = faults;
    ignoreErrors(client);
    ignoreErrors(server);
  }

  /** `'websocket'` once the handshake passed, `'http'` for plain HTTP, `'pending'` before the heads have passed. */
  get kind(): ConnectionKind {
    return this.state;
  }

  /** Neither cut, closed nor truncated by the proxy, and the client is still connected. */
  get open(): boolean {
    return !this.ending && !this.client.destroyed;
  }

  /**
   * Both directions at work; completes when both sockets have closed. Unsubscribing destroys both.
   * @internal
   */
  life(): Observable<never> {
    const closed$ = forkJoin([closeOf(this.client), closeOf(this.server)]);
    return merge(this.flow('toServer', this.client, this.server), this.flow('toClient', this.server, this.client)).pipe(
      takeUntil(closed$),
      finalize(() => {
        this.client.destroy();
        this.server.destroy();
      }),
    );
  }

  /** {@inheritDoc FaultControls.pass} */
  pass(): this {
    const wasFrozen = this.faults.frozen;
    this.faults = PASS_THROUGH;
    this.truncations = {};
    if (wasFrozen) this.endHalfOpen();
    return this;
  }

  /** {@inheritDoc FaultControls.latency} */
  latency(ms: number | { readonly toClient?: number; readonly toServer?: number }): this {
    this.faults = withLatency(this.faults, checkLatency(ms));
    return this;
  }

  /** {@inheritDoc FaultControls.freeze} */
  freeze(): this {
    this.faults = withFrozen(this.faults, true);
    return this;
  }

  /** {@inheritDoc FaultControls.thaw} */
  thaw(): this {
    this.faults = withFrozen(this.faults, false);
    this.endHalfOpen();
    return this;
  }

  /** {@inheritDoc FaultControls.swallow} */
  swallow(direction: ProxyDirection, predicate: FramePredicate | null): this {
    this.faults = withSwallow(this.faults, checkDirection('swallow', direction), checkPredicate(predicate));
    return this;
  }

  /** {@inheritDoc FaultControls.truncateNext} */
  truncateNext(bytes: number, direction: ProxyDirection = 'toClient'): this {
    this.truncations = { ...this.truncations, [checkDirection('truncateNext', direction)]: checkBytes(bytes) };
    return this;
  }

  /** {@inheritDoc FaultControls.cut} */
  cut(): void {
    this.ending = true;
    this.client.destroy();
    this.server.destroy();
  }

  /** {@inheritDoc FaultControls.close} */
  close(code: number, reason = ''): void {
    const payload = closePayload(checkCloseCode(code), checkCloseReason(reason));
    if (this.ending) return;
    this.ending = true;
    if (this.state !== 'websocket') {
      this.client.end();
      this.server.end();
      return;
    }
    this.client.end(encodeFrame(OPCODES.close, payload));
    this.server.end(encodeFrame(OPCODES.close, payload, true));
  }

  /** {@inheritDoc FaultControls.inject} */
  inject(data: string | Uint8Array): this {
    const checked = checkInjected(data);
    if (this.state !== 'websocket' || !this.open) throw new NotAWebSocketError(this.id, 'inject');
    const frame =
      typeof checked === 'string'
        ? encodeFrame(OPCODES.text, Buffer.from(checked, 'utf8'))
        : encodeFrame(OPCODES.binary, Buffer.from(checked.buffer, checked.byteOffset, checked.byteLength));
    this.client.write(frame);
    this.context.tally.injected++;
    return this;
  }

  /** One direction: read, decide, hold for the latency, write; then tell the other side that this one has gone. */
  private flow(direction: ProxyDirection, from: Socket, to: Socket): Observable<never> {
    const reader = new StreamReader(direction);
    return fromEvent(from, 'data').pipe(
      takeUntil(closeOf(from)),
      mergeMap((chunk) => reader.push(chunk as Buffer)),
      map((segment) => this.plan(direction, segment)),
      filter((planned): planned is Planned => planned !== undefined),
      delayEach(() => this.faults.latency[direction], this.context.scheduler),
      tap({ next: (planned) => this.deliver(direction, planned, to), complete: () => this.sourceGone(to) }),
      ignoreElements(),
    );
  }

  private plan(direction: ProxyDirection, segment: Segment): Planned | undefined {
    if (this.ending) return undefined;
    const before = this.swallowing[direction];
    const verdict = route(segment, direction, { faults: this.faults, truncateAt: this.truncations[direction], swallowingMessage: before });
    this.swallowing[direction] = swallowingAfter(segment, verdict, before);
    if (verdict.action === 'truncate') this.truncations = { ...this.truncations, [direction]: undefined };
    if (verdict.action !== 'drop') return { segment, verdict };
    if (segment.kind === 'frame') this.context.tally.dropped[direction]++;
    return undefined;
  }

  private deliver(direction: ProxyDirection, { segment, verdict }: Planned, to: Socket): void {
    if (this.ending || to.destroyed) return;
    if (this.faults.frozen) {
      // Frozen while held by the latency: lost like everything else.
      if (segment.kind === 'frame') this.context.tally.dropped[direction]++;
      return;
    }
    if (verdict.action === 'truncate') {
      this.ending = true;
      to.end(segment.bytes.subarray(0, verdict.bytes));
      (to === this.client ? this.server : this.client).destroy();
      return;
    }
    to.write(segment.bytes);
    if (segment.kind === 'frame') this.context.tally.forwarded[direction]++;
    if (segment.kind === 'head') this.headPassed(direction, segment.upgraded);
  }

  private headPassed(direction: ProxyDirection, upgraded: boolean): void {
    if (!upgraded) {
      this.state = 'http';
    } else if (direction === 'toClient') {
      this.state = 'websocket';
      this.context.upgraded(this);
    }
  }

  /** The socket feeding one direction has closed, and what it sent is delivered: end the other, unless frozen. */
  private sourceGone(to: Socket): void {
    if (this.faults.frozen && !this.ending) return;
    to.end();
  }

  /** After a freeze: a side that went away meanwhile is now ended on the other. */
  private endHalfOpen(): void {
    if (this.client.destroyed) this.server.end();
    if (this.server.destroyed) this.client.end();
  }
}
