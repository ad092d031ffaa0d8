import { Koncorde } from 'koncorde';
import type { ControllerActions, RequestContext } from '../context';
import { kerror } from '../errors';
import { cloneJson, isJsonObject, type JsonObject, type JsonValue } from '../json';
import { deepMerge, extractFields, generateId } from './merge';
import { multiDocumentActions } from './m-controller';
import { matches, sortDocuments } from './query';
import type { StoredDocument } from './store';
import { notify, target, view, type Target } from './target';

function existing(where: Target, _id: string): StoredDocument {
  const document = where.documents.get(_id);
  if (document === undefined) {
    throw kerror('services.storage.not_found', _id, where.index, where.collection);
  }
  return document;
}

/** Metadata for a new document (create) or a whole new content (createOrReplace, replace). */
function writeInfo(ctx: RequestContext, replacing: boolean): JsonObject {
  const now = Date.now();
  return { author: ctx.user._id, createdAt: now, updatedAt: replacing ? now : null, updater: replacing ? ctx.user._id : null };
}

function store(where: Target, _id: string, _source: JsonObject): StoredDocument {
  const document = { _id, _source: cloneJson(_source), _version: (where.documents.get(_id)?._version ?? 0) + 1 };
  where.documents.set(_id, document);
  return document;
}

function create(ctx: RequestContext): JsonValue {
  const where = target(ctx);
  const body = ctx.request.requireBody();
  const _id = ctx.request._id ?? generateId();
  if (where.documents.has(_id)) {
    throw kerror('services.storage.document_already_exists');
  }
  const document = store(where, _id, { ...body, _kuzzle_info: writeInfo(ctx, false) });
  const result = view(document);
  notify(ctx, where, 'create', [{ _id, source: document._source, result }]);
  return result;
}

function createOrReplace(ctx: RequestContext): JsonValue {
  const _id = ctx.request.requireId();
  const where = target(ctx);
  const body = ctx.request.requireBody();
  const created = !where.documents.has(_id);
  const document = store(where, _id, { ...body, _kuzzle_info: writeInfo(ctx, true) });
  const result = { ...view(document), created };
  notify(ctx, where, 'write', [{ _id, source: document._source, result, created }]);
  return result;
}

/** Notifies with the request body as `_source` (no metadata, no version), as the real server does. */
function replace(ctx: RequestContext): JsonValue {
  const _id = ctx.request.requireId();
  const where = target(ctx);
  const body = ctx.request.requireBody();
  existing(where, _id);
  const result = view(store(where, _id, { ...body, _kuzzle_info: writeInfo(ctx, true) }));
  notify(ctx, where, 'replace', [{ _id, source: body, result: { _id, _source: body } }]);
  return result;
}

function update(ctx: RequestContext): JsonValue {
  const _id = ctx.request.requireId();
  const where = target(ctx);
  const changes = ctx.request.requireBody();
  const previous = existing(where, _id);
  const info = { updatedAt: Date.now(), updater: ctx.user._id };
  const updated = store(where, _id, deepMerge(previous._source, { ...changes, _kuzzle_info: info }));
  const _updatedFields = extractFields(changes);
  notify(ctx, where, 'update', [{ _id, source: updated._source, result: { _id, _source: updated._source, _updatedFields } }]);
  if (ctx.request.getBoolean('source')) {
    return view(updated);
  }
  return { _id, _source: { ...changes, _kuzzle_info: updated._source['_kuzzle_info'] }, _version: updated._version };
}

function remove(ctx: RequestContext): JsonValue {
  const _id = ctx.request.requireId();
  const where = target(ctx);
  const document = existing(where, _id);
  where.documents.delete(_id);
  notify(ctx, where, 'delete', [{ _id, source: document._source, result: view(document) }]);
  return ctx.request.getBoolean('source') ? view(document) : { _id };
}

/** The documents a search body selects, in the ES query subset or, with `lang: 'koncorde'`, in Koncorde. */
function select(ctx: RequestContext, where: Target): StoredDocument[] {
  const query = ctx.request.body?.['query'];
  const all = [...where.documents.values()];
  if (ctx.request.getString('lang') !== 'koncorde') {
    return all.filter((document) => matches(query, document));
  }
  const koncorde = new Koncorde();
  try {
    koncorde.register(isJsonObject(query) ? query : {});
  } catch (error) {
    throw kerror('api.assert.koncorde_dsl_error', error instanceof Error ? error.message : String(error));
  }
  return all.filter((document) => koncorde.test({ ...document._source, _id: document._id }).length > 0);
}

function search(ctx: RequestContext): JsonValue {
  const where = target(ctx);
  const sort = ctx.request.body?.['sort'];
  const found = sortDocuments(select(ctx, where), sort);
  const from = ctx.request.getInteger('from', 0);
  const size = ctx.request.getInteger('size', 10);
  const hits = found.slice(from, from + size).map((document) => ({
    _id: document._id,
    _score: sort === undefined ? 1 : null,
    _source: document._source,
    collection: where.collection,
    index: where.index,
  }));
  return { hits, total: found.length };
}

function mGet(ctx: RequestContext): JsonValue {
  const where = target(ctx);
  const ids = ctx.request.body?.['ids'] ?? ctx.request.arg('ids');
  if (!Array.isArray(ids)) {
    // The real server answers so when no id is given.
    return { errors: [] };
  }
  const successes = ids.flatMap((_id) => {
    const document = typeof _id === 'string' ? where.documents.get(_id) : undefined;
    return document === undefined ? [] : [view(document)];
  });
  return { errors: ids.filter((_id) => typeof _id !== 'string' || !where.documents.has(_id)), successes };
}

/** The `document` controller. */
export const documentActions: ControllerActions = {
  create,
  createOrReplace,
  replace,
  update,
  delete: remove,
  get: (ctx) => {
    const _id = ctx.request.requireId();
    return view(existing(target(ctx), _id));
  },
  exists: (ctx) => {
    const _id = ctx.request.requireId();
    return target(ctx).documents.has(_id);
  },
  mGet,
  count: (ctx) => ({ count: select(ctx, target(ctx)).length }),
  search,
  ...multiDocumentActions,
};
