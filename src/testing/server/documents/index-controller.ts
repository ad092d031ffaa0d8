import type { ControllerActions } from '../context';

/** The `index` controller. `create` answers without `result` at all, like the real server. */
export const indexActions: ControllerActions = {
  create: (ctx) => {
    ctx.kernel.documents.createIndex(ctx.request.requireIndex());
    return undefined;
  },
  delete: (ctx) => {
    ctx.kernel.documents.deleteIndex(ctx.request.requireIndex());
    return { acknowledged: true };
  },
  exists: (ctx) => ctx.kernel.documents.hasIndex(ctx.request.requireIndex()),
  list: (ctx) => ({ indexes: ctx.kernel.documents.listIndexes() }),
};

/** The `collection` controller (no mappings: documents are schemaless here). */
export const collectionActions: ControllerActions = {
  create: (ctx) => {
    const { index, collection } = ctx.request.requireIndexAndCollection();
    ctx.kernel.documents.createCollection(index, collection);
    return { acknowledged: true };
  },
  delete: (ctx) => {
    const { index, collection } = ctx.request.requireIndexAndCollection();
    ctx.kernel.documents.deleteCollection(index, collection);
    return null;
  },
  exists: (ctx) => {
    const { index, collection } = ctx.request.requireIndexAndCollection();
    return ctx.kernel.documents.hasCollection(index, collection);
  },
  list: (ctx) => ({
    collections: ctx.kernel.documents.listCollections(ctx.request.requireIndex()).map((name) => ({ name, type: 'stored' })),
    type: 'all',
  }),
  refresh: (ctx) => {
    const { index, collection } = ctx.request.requireIndexAndCollection();
    ctx.kernel.documents.collection(index, collection);
    return null;
  },
};
