import { Injectable, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { ConnectionState, KuzzleEvent } from 'kuzzle-rx';
import { injectConnectionState, KUZZLE } from 'kuzzle-rx/angular';
import { catchError, distinctUntilChanged, filter, map, of, scan, switchMap } from 'rxjs';
import { keepLast, keepNewest } from './recent';

/** One state the client went through; `seq` counts them from the page's start. */
export interface StateChange {
  readonly seq: number;
  readonly state: ConnectionState;
  readonly at: number;
}

/** One ping's round trip; `seq` counts the pings from the page's start. */
export interface LatencyPoint {
  readonly seq: number;
  readonly at: number;
  readonly ms: number;
}

/** A line of the client's event log. */
export interface EventLine {
  readonly seq: number;
  readonly at: number;
  readonly text: string;
}

function describe(event: KuzzleEvent): string | undefined {
  switch (event.type) {
    case 'disconnected':
      return `disconnected (${event.origin}${event.code === undefined ? '' : `, ${event.code}`})`;
    case 'reconnecting':
      return `reconnecting: attempt ${event.attempt} in ${event.delay} ms`;
    case 'subscribed':
    case 'resubscribed':
      return `${event.type} to ${event.collection}`;
    case 'networkError':
      return `network error: ${event.error.message}`;
    case 'queryError':
      return `${event.request.controller}:${event.request.action} failed: ${event.error.message}`;
    case 'connected':
    case 'reconnected':
    case 'reconnectionFailed':
    case 'tokenExpired':
    case 'reauthenticated':
    case 'queued':
    case 'replayed':
      return event.type;
    default:
      return undefined;
  }
}

/** The connection as the page shows it: state, its history, the client's events, the ping latency and the user. */
@Injectable({ providedIn: 'root' })
export class Connection {
  private readonly kuzzle = inject(KUZZLE);

  readonly state = injectConnectionState();

  readonly history = toSignal(
    this.kuzzle.state$.pipe(
      map((state, seq): StateChange => ({ seq, state, at: Date.now() })),
      scan(keepLast<StateChange>(14), []),
    ),
    { initialValue: [] },
  );

  readonly events = toSignal(
    this.kuzzle.events$.pipe(
      map(describe),
      filter((text) => text !== undefined),
      map((text, seq): EventLine => ({ seq, text, at: Date.now() })),
      scan(keepNewest<EventLine>(40), []),
    ),
    { initialValue: [] },
  );

  // The chart needs the pings of the last minute; injectLatency() holds the last one only.
  readonly latency = toSignal(
    this.kuzzle.latency$.pipe(
      map((ms, seq): LatencyPoint => ({ seq, at: Date.now(), ms })),
      scan(keepLast<LatencyPoint>(120), []),
    ),
    { initialValue: [] },
  );

  /** Who the server says the page is, asked again at every (re)connection: a login reopens the socket. */
  readonly user = toSignal(
    this.kuzzle.state$.pipe(
      distinctUntilChanged(),
      filter((state) => state === 'connected'),
      switchMap(() =>
        this.kuzzle.auth.getCurrentUser().pipe(
          map((user) => (user._id === '-1' ? 'anonymous' : user._id)),
          catchError(() => of('unknown')),
        ),
      ),
    ),
    { initialValue: null },
  );
}
