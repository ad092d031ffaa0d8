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
import { PASS_THROUGH, withFrozen, withLatency, withSwallow, type LinkFaults } from './link-faults';
import type { ProxiedConnection } from './proxied-connection';
import type { ProxyDirection, FramePredicate } from './proxied-frame';

/**
 * `proxy.all()`: every live connection at once. The lasting faults (`pass`, `latency`, `freeze`, `thaw`, `swallow`)
 * also become the defaults of connections accepted afterwards; the one-shot ones (`truncateNext`, `cut`, `close`,
 * `inject`) act on the live connections only.
 */
export class AllConnections implements FaultControls {
  private current: LinkFaults = PASS_THROUGH;

  /** @internal */
  constructor(private readonly live: () => readonly ProxiedConnection[]) {}

  /** The faults a new connection starts with. */
  get defaults(): LinkFaults {
    return this.current;
  }

  /** {@inheritDoc FaultControls.pass} */
  pass(): this {
    this.current = PASS_THROUGH;
    for (const connection of this.live()) connection.pass();
    return this;
  }

  /** {@inheritDoc FaultControls.latency} */
  latency(ms: number | { readonly toClient?: number; readonly toServer?: number }): this {
    this.current = withLatency(this.current, checkLatency(ms));
    for (const connection of this.live()) connection.latency(ms);
    return this;
  }

  /** {@inheritDoc FaultControls.freeze} */
  freeze(): this {
    this.current = withFrozen(this.current, true);
    for (const connection of this.live()) connection.freeze();
    return this;
  }

  /** {@inheritDoc FaultControls.thaw} */
  thaw(): this {
    this.current = withFrozen(this.current, false);
    for (const connection of this.live()) connection.thaw();
    return this;
  }

  /** {@inheritDoc FaultControls.swallow} */
  swallow(direction: ProxyDirection, predicate: FramePredicate | null): this {
    this.current = withSwallow(this.current, checkDirection('swallow', direction), checkPredicate(predicate));
    for (const connection of this.live()) connection.swallow(direction, predicate);
    return this;
  }

  /** {@inheritDoc FaultControls.truncateNext} */
  truncateNext(bytes: number, direction: ProxyDirection = 'toClient'): this {
    checkBytes(bytes);
    checkDirection('truncateNext', direction);
    for (const connection of this.live()) connection.truncateNext(bytes, direction);
    return this;
  }

  /** {@inheritDoc FaultControls.cut} */
  cut(): void {
    for (const connection of this.live()) connection.cut();
  }

  /** {@inheritDoc FaultControls.close} */
  close(code: number, reason = ''): void {
    checkCloseCode(code);
    checkCloseReason(reason);
    for (const connection of this.live()) connection.close(code, reason);
  }

  /** Injects to every open WebSocket connection; the others are skipped, so it never throws `NotAWebSocketError`. */
  inject(data: string | Uint8Array): this {
    checkInjected(data);
    for (const connection of this.live()) {
      if (connection.kind === 'websocket' && connection.open) connection.inject(data);
    }
    return this;
  }
}
