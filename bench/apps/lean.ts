/**
 * The lean app: a `KuzzleClient` with only the controllers it uses (auth, document, realtime). Its bundle must not
 * contain the other controllers (see spec/unit/bundle/lean.spec.ts and the bundle rows of `npm run bench`).
 */
import { AuthController, DocumentController, KuzzleClient, RealtimeController, WebSocketProtocol } from 'kuzzle-rx';
import type { Observable } from 'rxjs';
import { type AppOutput, type AppTarget, watchDocument } from './scenario';

/** Runs the app against the server at `host`:`port`. */
export function leanApp(host: string, port: number, target: AppTarget): Observable<AppOutput> {
  const client = new KuzzleClient(new WebSocketProtocol(host, { port }));
  return watchDocument(
    { client, auth: new AuthController(client), document: new DocumentController(client), realtime: new RealtimeController(client) },
    target,
  );
}
