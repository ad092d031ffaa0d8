import { map, type Observable } from 'rxjs';
import type { JsonObject } from '../arguments';
import { BaseController, type CallOptions, type QuerySender } from '../base-controller';

/**
 * The debug controller (not wrapped by the official SDK): the server's Node.js inspector, through the Chrome DevTools
 * Protocol. Except `nodeVersion`, every action errors with `KuzzleError`
 * `core.debugger.native_debug_protocol_usage_denied` (412) unless the server's `security.debug.native_debug_protocol`
 * is true, and all but `enable` with `core.debugger.not_enabled` (412) until `enable` was called. Each method emits
 * once, then completes; it can also error with the errors of every request (see `BaseController`).
 *
 * @example Evaluate an expression in the server's process
 * ```ts
 * kuzzle.debug
 *   .enable()
 *   .pipe(
 *     switchMap(() => kuzzle.debug.post('Runtime.evaluate', { expression: 'process.uptime()', returnByValue: true })),
 *     concatMap((result) => kuzzle.debug.disable().pipe(map(() => result))),
 *   )
 *   .subscribe((result) => console.log(result));
 * ```
 */
export class DebugController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'debug');
  }

  /**
   * Emits the server's Node.js version (`'v20.20.2'`) once, then completes.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `debug:nodeVersion`; the action
   * has no error of its own.
   */
  nodeVersion(options?: CallOptions): Observable<string> {
    return this.call('nodeVersion', options);
  }

  /**
   * Starts the inspector (and keeps the node from being evicted from its cluster meanwhile); emits `undefined` once
   * done, then completes.
   *
   * @throws {KuzzleError} `core.debugger.native_debug_protocol_usage_denied` (412) unless the server's
   * `security.debug.native_debug_protocol` is true.
   */
  enable(options?: CallOptions): Observable<void> {
    return this.call<unknown>('enable', options).pipe(map(() => undefined));
  }

  /**
   * Stops the inspector and drops every listener; emits `undefined` once done, then completes.
   *
   * @throws {KuzzleError} `core.debugger.native_debug_protocol_usage_denied` (412) unless the server allows the
   * debugger; `core.debugger.not_enabled` (412) before `enable`.
   */
  disable(options?: CallOptions): Observable<void> {
    return this.call<unknown>('disable', options).pipe(map(() => undefined));
  }

  /**
   * Runs a DevTools Protocol method (`'Runtime.evaluate'`, `{ expression: '1+1' }`) and emits its result once, then
   * completes.
   *
   * @throws {InvalidRequestError} when `method` is not a non-empty string, or `params` not an object.
   * @throws {KuzzleError} `core.debugger.native_debug_protocol_usage_denied` (412) unless the server allows the
   * debugger; `core.debugger.not_enabled` (412) before `enable`; `core.debugger.method_not_found` (412) when the
   * inspector has no such method.
   */
  post(method: string, params: JsonObject = {}, options?: CallOptions): Observable<JsonObject> {
    return this.call('post', options, (check) => ({
      body: { method: check.string('method', method), params: check.object('params', params) },
    }));
  }

  /**
   * Asks the server to push a DevTools Protocol event (`'Debugger.paused'`, `'*'` for all) to this connection; emits
   * `undefined` once done, then completes. The server pushes `{ event, result, room: 'kuzzle-debugger-event' }` frames,
   * which are not requests' responses nor subscriptions' notifications: `events$` reports them as `discarded` (with the
   * frame's text).
   *
   * @throws {InvalidRequestError} when `event` is not a non-empty string.
   * @throws {KuzzleError} `core.debugger.native_debug_protocol_usage_denied` (412) unless the server allows the
   * debugger; `core.debugger.not_enabled` (412) before `enable`.
   */
  addListener(event: string, options?: CallOptions): Observable<void> {
    return this.call<unknown>('addListener', options, (check) => ({ body: { event: check.string('event', event) } })).pipe(
      map(() => undefined),
    );
  }

  /**
   * Stops pushing a DevTools Protocol event to this connection; emits `undefined` once done, then completes.
   *
   * @throws {InvalidRequestError} when `event` is not a non-empty string.
   * @throws {KuzzleError} `core.debugger.native_debug_protocol_usage_denied` (412) unless the server allows the
   * debugger; `core.debugger.not_enabled` (412) before `enable`.
   */
  removeListener(event: string, options?: CallOptions): Observable<void> {
    return this.call<unknown>('removeListener', options, (check) => ({ body: { event: check.string('event', event) } })).pipe(
      map(() => undefined),
    );
  }
}
