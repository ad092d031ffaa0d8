/**
 * What both example apps do, whatever client they are built on: connect, log in, read a document, then follow the
 * changes to its collection. It imports only types from kuzzle-rx, so what an app bundles of kuzzle-rx is what the
 * app's own file builds.
 */
import { concat, finalize, ignoreElements, map, merge, type Observable } from 'rxjs';
import type { AuthController, DocumentController, KuzzleClient, RealtimeController } from 'kuzzle-rx';

/** The client and the three controllers an app of this shape uses. */
export interface AppControllers {
  readonly client: KuzzleClient;
  readonly auth: AuthController;
  readonly document: DocumentController;
  readonly realtime: RealtimeController;
}

/** Where the app looks, and who it logs in as. */
export interface AppTarget {
  readonly index: string;
  readonly collection: string;
  readonly id: string;
  readonly username: string;
  readonly password: string;
}

/** One line of the app's output: the document as read, then every change to its collection. */
export type AppOutput =
  | { readonly kind: 'document'; readonly id: string; readonly source: Record<string, unknown> }
  | { readonly kind: 'change'; readonly action: string; readonly id: string | undefined };

/** Connects, logs in, emits the document, then one output per notification of its collection; disconnects when unsubscribed. */
export function watchDocument({ client, auth, document, realtime }: AppControllers, target: AppTarget): Observable<AppOutput> {
  const { index, collection, id } = target;
  const ready$ = concat(client.connect(), auth.login('local', { username: target.username, password: target.password })).pipe(
    ignoreElements(),
  );
  const read$ = document.get(index, collection, id).pipe(map((doc): AppOutput => ({ kind: 'document', id: doc._id, source: doc._source })));
  const changes$ = realtime
    .subscribe(index, collection, {})
    .pipe(
      map((n): AppOutput => ({ kind: 'change', action: n.action, id: n.type === 'document' ? (n.result._id ?? undefined) : undefined })),
    );
  return concat(ready$, merge(read$, changes$)).pipe(finalize(() => client.disconnect()));
}
