import { map, type Observable } from 'rxjs';
import type { RequestOptions } from '../client/request';
import { BaseController, type QuerySender } from './BaseController';

/** The server controller. */
export class ServerController extends BaseController {
  constructor(sender: QuerySender) {
    super(sender, 'server');
  }

  /** The server's clock, in epoch milliseconds (the `now` of its `{ now }` result). */
  now(options?: RequestOptions): Observable<number> {
    return this.call<{ now: number }>('now', {}, options).pipe(map((result) => result.now));
  }

  /** The server's information (versions, plugins, services). */
  info(options?: RequestOptions): Observable<Record<string, unknown>> {
    return this.call<{ serverInfo: Record<string, unknown> }>('info', {}, options).pipe(map((result) => result.serverInfo));
  }
}
