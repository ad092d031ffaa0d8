import type { ControllerActions, RequestContext } from '../context';
import { kerror } from '../errors';
import { cloneJson, isJsonObject, type JsonObject, type JsonValue } from '../json';
import type { ChangeKind, DocumentChange } from '../realtime/document-notifier';
import { deepMerge, extractFields, generateId } from './merge';
import { notify, target, type Target } from './target';

/** One entry of an m* answer's `errors`, in the real server's shapes. */
type Rejection = JsonObject;

interface Batch {
  readonly where: Target;
  readonly successes: JsonObject[];
  readonly errors: Rejection[];
  readonly changes: DocumentChange[];
}

function documentsOf(ctx: RequestContext): JsonValue[] {
  const documents = ctx.request.requireBody()['documents'];
  if (!Array.isArray(documents)) {
    throw kerror('api.assert.missing_argument', 'body.documents');
  }
  return documents;
}

/** Bulk writes put the metadata first in `_source`, unlike single writes: the real server does so. */
function metadata(ctx: RequestContext): JsonObject {
  return { author: ctx.user._id, createdAt: Date.now(), updatedAt: null, updater: null };
}

/** An Elasticsearch `index` operation: creates or overwrites, and reports which. */
function indexDocument(batch: Batch, _id: string, _source: JsonObject): void {
  const previous = batch.where.documents.get(_id);
  const created = previous === undefined;
  const _version = (previous?._version ?? 0) + 1;
  batch.where.documents.set(_id, { _id, _source: cloneJson(_source), _version });
  const result = { _id, _source, _version, created, result: created ? 'created' : 'updated', status: created ? 201 : 200 };
  batch.successes.push(result);
  batch.changes.push({ _id, source: _source, result, created });
}

type Step = (ctx: RequestContext, batch: Batch, entry: JsonObject, body: JsonObject, existedBefore: ReadonlySet<string>) => void;

/** Runs a bulk write: validates each entry like the real server, applies `step`, then notifies once. */
function bulk(kind: ChangeKind, requireId: boolean, step: Step) {
  return (ctx: RequestContext): JsonValue => {
    const entries = documentsOf(ctx);
    const where = target(ctx);
    const batch: Batch = { where, successes: [], errors: [], changes: [] };
    const existedBefore = new Set(where.documents.keys());
    for (const entry of entries) {
      const body = isJsonObject(entry) ? entry['body'] : undefined;
      if (!isJsonObject(entry) || !isJsonObject(body)) {
        batch.errors.push({ document: entry, reason: 'document body must be an object', status: 400 });
      } else if ((requireId || entry['_id'] !== undefined) && typeof entry['_id'] !== 'string') {
        batch.errors.push({ document: entry, reason: 'document _id must be a string', status: 400 });
      } else {
        step(ctx, batch, entry, body, existedBefore);
      }
    }
    notify(ctx, where, kind, batch.changes);
    return { errors: batch.errors, successes: batch.successes };
  };
}

/** Existence is checked against the collection before the batch, as the real server's single mget does. */
const mCreate = bulk('create', false, (ctx, batch, entry, body, existedBefore) => {
  const _id = typeof entry['_id'] === 'string' ? entry['_id'] : generateId();
  if (existedBefore.has(_id)) {
    batch.errors.push({ document: { _id, body }, reason: 'document already exists', status: 400 });
    return;
  }
  indexDocument(batch, _id, { _kuzzle_info: metadata(ctx), ...body });
});

const mCreateOrReplace = bulk('write', false, (ctx, batch, entry, body) => {
  const _id = typeof entry['_id'] === 'string' ? entry['_id'] : generateId();
  indexDocument(batch, _id, { _kuzzle_info: metadata(ctx), ...body });
});

const mReplace = bulk('replace', true, (ctx, batch, entry, body, existedBefore) => {
  const _id = String(entry['_id']);
  if (!existedBefore.has(_id)) {
    batch.errors.push({ document: { _id, body }, reason: 'document not found', status: 404 });
    return;
  }
  indexDocument(batch, _id, { _kuzzle_info: metadata(ctx), ...body });
});

const mUpdate = bulk('update', true, (ctx, batch, entry, body) => {
  const _id = String(entry['_id']);
  const partial = { _kuzzle_info: { updatedAt: Date.now(), updater: ctx.user._id }, ...body };
  const previous = batch.where.documents.get(_id);
  if (previous === undefined) {
    batch.errors.push({ document: { _id, body: partial }, reason: 'document not found', status: 404 });
    return;
  }
  const _source = deepMerge(previous._source, partial);
  const _version = previous._version + 1;
  batch.where.documents.set(_id, { _id, _source: cloneJson(_source), _version });
  // The real server adds `_updatedFields` to the very objects it answers with, so they show there too.
  const result = { _id, _source, _version, status: 200, _updatedFields: extractFields(body) };
  batch.successes.push(result);
  batch.changes.push({ _id, source: _source, result });
});

function mDelete(ctx: RequestContext): JsonValue {
  const ids = ctx.request.requireBody()['ids'];
  if (!Array.isArray(ids)) {
    throw kerror('api.assert.missing_argument', 'body.ids');
  }
  const where = target(ctx);
  const errors: Rejection[] = [];
  const changes: DocumentChange[] = [];
  for (const _id of ids) {
    const document = typeof _id === 'string' ? where.documents.get(_id) : undefined;
    if (typeof _id !== 'string') {
      errors.push({ _id, reason: 'document _id must be a string', status: 400 });
    } else if (document === undefined) {
      errors.push({ _id, reason: 'document not found', status: 404 });
    } else {
      where.documents.delete(_id);
      changes.push({ _id, source: document._source, result: { _id, _source: document._source } });
    }
  }
  notify(ctx, where, 'delete', changes);
  return { errors, successes: changes.map((change) => change._id) };
}

/** The m* actions of the `document` controller. */
export const multiDocumentActions: ControllerActions = { mCreate, mCreateOrReplace, mReplace, mUpdate, mDelete };
