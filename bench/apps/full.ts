/**
 * The same app as lean.ts on `Kuzzle`, the client with every controller: what the lean one saves is the difference
 * between their bundles.
 */
import { Kuzzle, WebSocketProtocol } from 'kuzzle-rx';
import type { Observable } from 'rxjs';
import { type AppOutput, type AppTarget, watchDocument } from './scenario';

/** Runs the app against the server at `host`:`port`. */
export function fullApp(host: string, port: number, target: AppTarget): Observable<AppOutput> {
  const kuzzle = new Kuzzle(new WebSocketProtocol(host, { port }));
  return watchDocument({ client: kuzzle, auth: kuzzle.auth, document: kuzzle.document, realtime: kuzzle.realtime }, target);
}
