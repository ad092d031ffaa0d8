import { defer, map, type Observable } from 'rxjs';
import type { CallOptions, QuerySender, RequestArguments } from './query-sender';
import { ArgumentCheck } from './arguments';
import { search } from './search/paging';
import type { SearchResult } from './search/search-result';

export type { CallOptions, QuerySender, RequestArguments } from './query-sender';

function defined(args: RequestArguments): RequestArguments {
  const out: RequestArguments = {};
  for (const key of Object.keys(args)) if (args[key] !== undefined) out[key] = args[key];
  return out;
}

/**
 * The base of every controller, the client's and custom ones (plugins): each method is a cold Observable that sends
 * its request on subscription and emits the server's `result` (or what the method maps it to) once, then completes.
 * Unsubscribing before the response forgets the request. The streams (`realtime.subscribe()`, `document.watch()`,
 * ...) say so in their first sentence.
 *
 * ## Errors
 *
 * A method never throws: its Observable errors, with one of these classes (each has a stable `name`, tested by
 * `isKuzzleRxError(error, name)`). Each method's `@throws` tags name the arguments it checks and the server error ids
 * proper to its action; the following apply to every request, and are not repeated on each method:
 *
 * - `RequestTimeoutError`: no response within the call's `timeout` (the client's `requestTimeout` by default). Nothing
 *   is left pending, but the server may have run the action.
 * - `NotConnectedError`: the client is offline (never connected, or after `disconnect()`), or the call is
 *   `queuable: false` while the client connects or reconnects, or the client went offline while the call waited.
 * - `ConnectionLostError`: the link dropped before the response and the action is not read-only, so it was not sent
 *   again (opt in with `resendAfterReconnect`, for idempotent writes).
 * - `RequestDroppedError`: the call waited for a connection in the offline queue and was dropped from it (the queue
 *   was full, or the call waited longer than `queueMaxAge`).
 * - `RequestTooLargeError`: the request, serialised, is larger than the client's `maxRequestSize`; nothing was sent
 *   (split a large write in several calls).
 * - `RequestUnsafeToResendError`: the request was in flight at several consecutive link losses and is not sent again,
 *   as it may be what drops the link.
 * - `InvalidOptionError`: a per-call option is not valid (`timeout: 'soon'`, or `Timeout` for `timeout`).
 * - `KuzzleError` with, for any action: `security.rights.unauthorized` (401: the anonymous user may not run it, log in
 *   first), `security.rights.forbidden` (403: the user's profiles do not allow it), `security.token.expired` or
 *   `security.token.invalid` (401: the session's token is no longer valid; the client forgets it and emits
 *   `tokenExpired` on `events$`), `api.process.too_many_requests` (429: the user's rate limit),
 *   `api.process.overloaded` (503: the server is overloaded, try again later).
 *
 * Bad arguments are refused before anything is sent, with an `InvalidRequestError` naming the method and the
 * argument (`document.create: content must be an object, got null`).
 *
 * @example A plugin's controller
 * ```ts
 * class GreeterController extends BaseController {
 *   constructor(client: QuerySender) {
 *     super(client, 'greeter/hello');
 *   }
 *   /**
 *    * Emits the greeting, then completes.
 *    * @throws {InvalidRequestError} when `name` is not a non-empty string.
 *    *\/
 *   greet(name: string, options?: CallOptions): Observable<string> {
 *     return this.call('greet', options, (check) => ({ body: { name: check.string('name', name) } }));
 *   }
 * }
 * const client = kuzzle.useController(GreeterController, 'greeter');
 * client.greeter.greet('you').subscribe((greeting) => console.log(greeting));
 * ```
 *
 * @example Telling the errors apart
 * ```ts
 * kuzzle.document.get('shop', 'orders', 'o1').pipe(
 *   catchError((error: unknown) => {
 *     if (isKuzzleError(error) && error.id === 'services.storage.not_found') return of(null);
 *     if (isKuzzleRxError(error, 'RequestTimeoutError')) console.warn(`no answer within ${error.timeout} ms`);
 *     return throwError(() => error);
 *   }),
 * );
 * ```
 */
export abstract class BaseController {
  protected constructor(
    protected readonly sender: QuerySender,
    /** The server's name of the controller (`document`, `ms`, `my-plugin/my-controller`). */
    readonly name: string,
  ) {}

  /**
   * Sends `action` and emits its result. `build` checks the method's arguments and returns the request's fields; it
   * runs at subscription, so a bad argument errors the call with `InvalidRequestError` before anything is sent.
   * `method` names the method in those errors when it is not the action's name.
   */
  protected call<R>(
    action: string,
    options: CallOptions | undefined,
    build: (check: ArgumentCheck) => RequestArguments = () => ({}),
    method: string = action,
  ): Observable<R> {
    return defer(() => {
      const args = defined(build(new ArgumentCheck(`${this.name}.${method}`)));
      return this.sender.query<R>({ ...args, controller: this.name, action }, options);
    }).pipe(map((response) => response.result));
  }

  /**
   * Runs a search action and emits its first page, whose `next()` pages on (see `SearchResult`). `build` checks the
   * arguments as in `call()`; `scrollAction` is the action that scrolls this search (none when there is none).
   */
  protected paged<H>(
    action: string,
    options: CallOptions | undefined,
    build: (check: ArgumentCheck) => RequestArguments,
    paging: { readonly scrollAction: string | undefined; readonly mapHit?: (hit: never) => H },
    method: string = action,
  ): Observable<SearchResult<H>> {
    return defer(() => {
      const args = defined(build(new ArgumentCheck(`${this.name}.${method}`)));
      return search<H>({ sender: this.sender, controller: this.name, action, method: `${this.name}.${method}`, args, options, ...paging });
    });
  }
}
