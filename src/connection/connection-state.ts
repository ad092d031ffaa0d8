import { NotConnectedError } from '../vocabulary/errors/client-errors';
import type { ConnectionState, KuzzleEvent } from '../vocabulary/events';
import type { EngineEvent } from './engine-events';

/** The client's connection, after each engine event. */
export interface ConnectionSnapshot {
  readonly state: ConnectionState;
  /** Connected at least once since `connect()`: the next ready socket is a reconnection. */
  readonly everConnected: boolean;
  /** The `authenticator` runs during a restoration: only auth requests may go out. */
  readonly authenticating: boolean;
  /** What this step reports in `events$`. */
  readonly events: readonly KuzzleEvent[];
  /** The link dropped or closed at this step: the requests in flight on it are lost. */
  readonly lost: boolean;
  /** The client went offline at this step, for this reason (the subscriptions end, `connect()` errors). */
  readonly offline: Error | undefined;
  /** A keep-alive round trip measured at this step, in ms. */
  readonly latency: number | undefined;
}

export const INITIAL_CONNECTION: ConnectionSnapshot = Object.freeze({
  state: 'offline',
  everConnected: false,
  authenticating: false,
  events: [],
  lost: false,
  offline: undefined,
  latency: undefined,
});

const NONE: readonly KuzzleEvent[] = [];

/**
 * The connection's reducer, pure: the state after an engine event, and what the step reports. `state$` is this
 * reducer folded over the engine's events (`scan`); `events$` maps the same steps.
 */
export function reduceConnection(previous: ConnectionSnapshot, event: EngineEvent): ConnectionSnapshot {
  const step: ConnectionSnapshot = { ...previous, events: NONE, lost: false, offline: undefined, latency: undefined };
  switch (event.type) {
    case 'connect':
      return previous.state === 'offline' ? { ...step, state: 'connecting', everConnected: false } : step;
    case 'open':
    case 'message':
      return step;
    case 'binary':
      return { ...step, events: [{ type: 'discarded', reason: 'binary' }] };
    case 'report':
      return { ...step, events: [event.event] };
    case 'latency':
      return { ...step, latency: event.ms };
    case 'authenticating':
      return { ...step, authenticating: true };
    case 'reauthenticated':
      return { ...step, authenticating: false, events: [{ type: 'reauthenticated' }] };
    case 'ready':
      return {
        ...step,
        state: 'connected',
        everConnected: true,
        authenticating: false,
        events: [{ type: previous.everConnected ? 'reconnected' : 'connected' }],
      };
    case 'lost': {
      const { error } = event;
      const events: KuzzleEvent[] = [];
      if (error.wasOpen) {
        events.push({
          type: 'disconnected',
          origin: error.origin,
          ...(error.code === undefined ? {} : { code: error.code }),
          ...(error.reason ? { reason: error.reason } : {}),
        });
      }
      if (error.origin === 'network' && error.cause instanceof Error) events.push({ type: 'networkError', error: error.cause });
      const state = previous.state === 'connected' ? 'reconnecting' : previous.state;
      return { ...step, state, authenticating: false, events, lost: true };
    }
    case 'retrying':
      return { ...step, events: [{ type: 'reconnecting', attempt: event.attempt, delay: event.delay }] };
    case 'failed':
      return {
        ...step,
        state: 'offline',
        authenticating: false,
        events: [{ type: 'reconnectionFailed', error: event.error }],
        lost: true,
        offline: event.error,
      };
    case 'closed':
      return {
        ...step,
        state: 'offline',
        authenticating: false,
        // Only a socket that was open is disconnected now: a lost one was reported when it was lost.
        events: event.wasOpen ? [{ type: 'disconnected', origin: 'user', code: 1000 }] : NONE,
        lost: true,
        offline: new NotConnectedError(undefined, 'disconnect() was called'),
      };
  }
}
