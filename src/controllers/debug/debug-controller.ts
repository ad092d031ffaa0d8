import { map, type Observable } from 'rxjs';
import type { JsonObject } from '../arguments';
import { BaseController, type CallOptions, type QuerySender } from '../base-controller';

/**
 * The debug controller (not wrapped by the official SDK): the server's Node.js inspector, through the Chrome DevTools
 * Protocol. Except `nodeVersion`, every action errors with `core.debugger.native_debug_protocol_usage_denied` (412)
 * unless the server's `security.debug.native_debug_protocol` is true, and all but `enable` with
 * `core.debugger.not_enabled` until `enable` was called.
 */
export class DebugController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'debug');
  }

  /** Emits the server's Node.js version (`'v20.20.2'`). */
  nodeVersion(options?: CallOptions): Observable<string> {
    return this.call('nodeVersion', options);
  }

  /** Starts the inspector (and keeps the node from being evicted from its cluster meanwhile); emits `undefined`. */
  enable(options?: CallOptions): Observable<void> {
    return this.call<unknown>('enable', options).pipe(map(() => undefined));
  }

  /** Stops the inspector and drops every listener; emits `undefined`. */
  disable(options?: CallOptions): Observable<void> {
    return this.call<unknown>('disable', options).pipe(map(() => undefined));
  }

  /** Runs a DevTools Protocol method (`'Runtime.evaluate'`, `{ expression: '1+1' }`); emits its result. */
  post(method: string, params: JsonObject = {}, options?: CallOptions): Observable<JsonObject> {
    return this.call('post', options, (check) => ({
      body: { method: check.string('method', method), params: check.object('params', params) },
    }));
  }

  /**
   * Asks the server to push a DevTools Protocol event (`'Debugger.paused'`, `'*'` for all) to this connection; emits
   * `undefined`. The server pushes `{ event, result, room: 'kuzzle-debugger-event' }` frames, which are not requests'
   * responses nor subscriptions' notifications: `events$` reports them as `discarded` (with the frame's text).
   */
  addListener(event: string, options?: CallOptions): Observable<void> {
    return this.call<unknown>('addListener', options, (check) => ({ body: { event: check.string('event', event) } })).pipe(
      map(() => undefined),
    );
  }

  /** Stops pushing a DevTools Protocol event to this connection; emits `undefined`. */
  removeListener(event: string, options?: CallOptions): Observable<void> {
    return this.call<unknown>('removeListener', options, (check) => ({ body: { event: check.string('event', event) } })).pipe(
      map(() => undefined),
    );
  }
}
