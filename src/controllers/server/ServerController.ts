import { map, type Observable } from 'rxjs';
import { BaseController, type CallOptions, type QuerySender } from '../BaseController';

/** The server controller. */
export class ServerController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'server');
  }

  /** Emits the server's clock, in epoch milliseconds (the `now` of its `{ now }` result). */
  now(options?: CallOptions): Observable<number> {
    return this.call<{ now: number }>('now', options).pipe(map((result) => result.now));
  }

  /** Emits the server's information (versions, plugins, services): the `serverInfo` of the result. */
  info(options?: CallOptions): Observable<Record<string, unknown>> {
    return this.call<{ serverInfo: Record<string, unknown> }>('info', options).pipe(map((result) => result.serverInfo));
  }
}
