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
 * The base of every controller, the client's and custom ones (plugins): each method is a cold Observable that emits
 * the server's `result` (or what the method maps it to) once, then completes.
 *
 * @example A plugin's controller
 * ```ts
 * class GreeterController extends BaseController {
 *   constructor(client: QuerySender) { super(client, 'greeter/hello'); }
 *   /** Emits the greeting. *\/
 *   greet(name: string, options?: CallOptions): Observable<string> {
 *     return this.call('greet', options, (check) => ({ body: { name: check.string('name', name) } }));
 *   }
 * }
 * const greeter = kuzzle.useController(GreeterController, 'greeter');
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
