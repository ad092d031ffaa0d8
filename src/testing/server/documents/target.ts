import type { RequestContext } from '../context';
import type { JsonObject } from '../json';
import type { ChangeKind, DocumentChange } from '../realtime/document-notifier';
import { originOf } from '../realtime/engine';
import type { Collection, StoredDocument } from './store';

/** The collection a document request works on. */
export interface Target {
  readonly index: string;
  readonly collection: string;
  readonly documents: Collection;
}

/** Resolves index and collection in the real server's order: missing arguments first, then existence. */
export function target(ctx: RequestContext): Target {
  const { index, collection } = ctx.request.requireIndexAndCollection();
  return { index, collection, documents: ctx.kernel.documents.collection(index, collection) };
}

export function notify(ctx: RequestContext, where: Target, kind: ChangeKind, changes: readonly DocumentChange[]): void {
  ctx.kernel.realtime.documents.notify(originOf(ctx.request, where.index, where.collection), kind, changes);
}

/** A document as `document:get` answers it. */
export function view(document: StoredDocument): JsonObject {
  return { _id: document._id, _source: document._source, _version: document._version };
}
