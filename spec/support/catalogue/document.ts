import type { CatalogueRow } from './row';

// Results as Kuzzle 2.56 answers them (ids and timestamps shortened).
const info = { author: '-1', createdAt: 1796142645220, updatedAt: null, updater: null };
const doc = { _id: 'd1', _version: 1, _source: { color: 'red', _kuzzle_info: info } };
const updated = { _id: 'd1', _version: 2, _source: { n: 5, _kuzzle_info: { ...info, updatedAt: 1796142645306, updater: '-1' } } };
const hit = (id: string, extra: Record<string, unknown> = {}) => ({
  _id: id,
  _score: 1,
  _source: { color: 'red', _kuzzle_info: info },
  ...extra,
});
const writeError = { document: { _id: 'd1', body: { color: 'x' } }, reason: 'document already exists', status: 400 };
const created = { _id: 'd2', _version: 1, _source: { color: 'blue', _kuzzle_info: info }, created: true, result: 'created', status: 201 };
const mUpdated = {
  _id: 'd9',
  _version: 3,
  _source: { n: 6, _kuzzle_info: { updatedAt: 1796142645358, updater: '-1' } },
  status: 200,
  _updatedFields: ['n'],
};
const notFound = { document: { _id: 'zz', body: {} }, reason: 'document not found', status: 404 };

/** The document controller's calls. */
export const documentRows: readonly CatalogueRow[] = [
  {
    controller: 'document',
    method: 'count',
    args: ['i', 'c', { query: { match: { color: 'red' } } }, { lang: 'elasticsearch' }],
    result: { count: 3 },
  },
  { controller: 'document', method: 'count', args: ['i', 'c'], result: { count: 12 } },
  {
    controller: 'document',
    method: 'create',
    args: ['i', 'c', { color: 'red' }, 'd1', { refresh: 'wait_for', silent: true }],
    result: doc,
  },
  { controller: 'document', method: 'create', args: ['i', 'c', { color: 'red' }], result: doc },
  {
    controller: 'document',
    method: 'createOrReplace',
    args: ['i', 'c', 'd1', { color: 'red' }, { refresh: 'wait_for', silent: false }],
    result: doc,
  },
  { controller: 'document', method: 'delete', args: ['i', 'c', 'd1', { refresh: 'wait_for' }], result: { _id: 'd1' } },
  { controller: 'document', method: 'delete', args: ['i', 'c', 'd1', { silent: true }], result: { _id: 'd1' } },
  {
    controller: 'document',
    method: 'deleteByQuery',
    args: ['i', 'c', { query: { match: { color: 'blue' } } }, { refresh: 'wait_for', silent: true, lang: 'elasticsearch' }],
    result: { documents: [{ _id: 'd2' }, { _id: 'd3' }], ids: ['d2', 'd3'] },
  },
  { controller: 'document', method: 'deleteByQuery', args: ['i', 'c'], result: { documents: [], ids: [] } },
  {
    controller: 'document',
    method: 'deleteByQuery',
    args: ['i', 'c', { query: { equals: { color: 'blue' } } }, { lang: 'koncorde' }],
    result: { documents: [{ _id: 'd2' }], ids: ['d2'] },
  },
  { controller: 'document', method: 'deleteFields', args: ['i', 'c', 'd1', ['color', 'size.height']], result: { _id: 'd1', _version: 2 } },
  {
    controller: 'document',
    method: 'deleteFields',
    args: ['i', 'c', 'd1', ['color'], { source: true, refresh: 'wait_for', silent: true }],
    result: { _id: 'd1', _version: 2, _source: { n: 1, _kuzzle_info: { ...info, updatedAt: 1796142645400, updater: '-1' } } },
  },
  { controller: 'document', method: 'exists', args: ['i', 'c', 'd1'], result: true },
  { controller: 'document', method: 'exists', args: ['i', 'c', 'nope'], result: false },
  { controller: 'document', method: 'get', args: ['i', 'c', 'd1'], result: doc },
  { controller: 'document', method: 'get', args: ['i', 'c', 'd1', { timeout: 5000 }], result: doc },
  {
    controller: 'document',
    method: 'mCreate',
    args: [
      'i',
      'c',
      [{ _id: 'd2', body: { color: 'blue' } }, { _id: 'd1', body: { color: 'x' } }, { body: { color: 'green' } }],
      { refresh: 'wait_for', strict: false },
    ],
    result: { errors: [writeError], successes: [created, { ...created, _id: 'Nk2…' }] },
  },
  { controller: 'document', method: 'mCreate', args: ['i', 'c', [], { silent: true }], result: { errors: [], successes: [] } },
  {
    controller: 'document',
    method: 'mCreateOrReplace',
    args: ['i', 'c', [{ _id: 'd2', body: { color: 'blue' } }], { silent: true, strict: true }],
    result: { errors: [], successes: [created] },
  },
  {
    controller: 'document',
    method: 'mDelete',
    args: ['i', 'c', ['d9', 'zz'], { refresh: 'wait_for' }],
    result: { errors: [{ _id: 'zz', reason: 'document not found', status: 404 }], successes: ['d9'] },
  },
  {
    controller: 'document',
    method: 'mDelete',
    args: ['i', 'c', ['d9'], { strict: true, silent: true }],
    result: { errors: [], successes: ['d9'] },
  },
  {
    controller: 'document',
    method: 'mExists',
    args: ['i', 'c', ['d1', 'd2', 'nope']],
    sdk: false,
    frames: [{ controller: 'document', action: 'mExists', index: 'i', collection: 'c', body: { ids: ['d1', 'd2', 'nope'] } }],
    result: { errors: ['nope'], successes: ['d1', 'd2'] },
    emits: { errors: ['nope'], successes: ['d1', 'd2'] },
  },
  {
    controller: 'document',
    method: 'mExists',
    args: ['i', 'c', ['d1'], { strict: true }],
    sdk: false,
    frames: [{ controller: 'document', action: 'mExists', index: 'i', collection: 'c', body: { ids: ['d1'] }, strict: true }],
    result: { errors: [], successes: ['d1'] },
    emits: { errors: [], successes: ['d1'] },
  },
  {
    controller: 'document',
    method: 'mGet',
    args: ['i', 'c', ['d1', 'zz']],
    result: { errors: ['zz'], successes: [doc] },
  },
  { controller: 'document', method: 'mGet', args: ['i', 'c', ['d1'], { strict: true }], result: { errors: [], successes: [doc] } },
  {
    controller: 'document',
    method: 'mReplace',
    args: [
      'i',
      'c',
      [
        { _id: 'd9', body: { n: 7 } },
        { _id: 'zz', body: {} },
      ],
      { refresh: 'wait_for', silent: true, strict: false },
    ],
    result: {
      errors: [notFound],
      successes: [{ _id: 'd9', _version: 5, _source: { n: 7, _kuzzle_info: info }, created: false, result: 'updated', status: 200 }],
    },
  },
  {
    controller: 'document',
    method: 'mUpdate',
    args: [
      'i',
      'c',
      [
        { _id: 'd9', body: { n: 6 } },
        { _id: 'zz', body: {} },
      ],
      { retryOnConflict: 3, refresh: 'wait_for', silent: true, strict: false },
    ],
    result: { errors: [notFound], successes: [mUpdated] },
  },
  {
    controller: 'document',
    method: 'mUpdate',
    args: ['i', 'c', [{ _id: 'd9', body: { n: 6 } }], { source: false }],
    result: { errors: [], successes: [{ ...mUpdated, _source: undefined }] },
  },
  {
    controller: 'document',
    method: 'mUpsert',
    args: [
      'i',
      'c',
      [
        { _id: 'd9', changes: { n: 6 }, default: { color: 'g' } },
        { _id: 'd8', changes: { n: 1 } },
      ],
      { retryOnConflict: 2, strict: true },
    ],
    result: {
      errors: [],
      successes: [
        { ...mUpdated, created: false },
        { _id: 'd8', _version: 1, _source: { n: 1, _kuzzle_info: info }, created: true, status: 201 },
      ],
    },
  },
  {
    controller: 'document',
    method: 'replace',
    args: ['i', 'c', 'd1', { color: 'blue' }, { refresh: 'wait_for', silent: true }],
    result: { ...doc, _version: 2 },
  },
  { controller: 'document', method: 'replace', args: ['i', 'c', 'd1', { color: 'blue' }], result: { ...doc, _version: 2 } },
  {
    controller: 'document',
    method: 'search',
    args: ['i', 'c', { query: { match: { color: 'red' } }, sort: ['_id'] }, { from: 0, size: 2, lang: 'elasticsearch' }],
    result: { hits: [hit('d1'), hit('d2')], total: 5, aggregations: { colors: { buckets: [{ key: 'red', doc_count: 5 }] } } },
  },
  { controller: 'document', method: 'search', args: ['i', 'c'], result: { hits: [hit('d1')], total: 1 } },
  {
    controller: 'document',
    method: 'search',
    args: ['i', 'c', { query: { equals: { color: 'red' } } }, { lang: 'koncorde', size: 1, scroll: '10s' }],
    result: { hits: [hit('d1')], total: 3, scrollId: 'c2Nyb2xs…' },
    emits: { hits: [hit('d1')], total: 3, fetched: 1, scrollId: 'c2Nyb2xs…' },
    differs: 'a page is a plain value: it carries the scroll cursor its next() scrolls with, where kuzzle-sdk keeps it in a hidden field',
  },
  {
    controller: 'document',
    method: 'searchTargets',
    args: [
      [
        { index: 'i', collections: ['c', 'd'] },
        { index: 'j', collections: ['c'] },
      ],
      { query: { match_all: {} } },
      { size: 2 },
    ],
    sdk: false,
    frames: [
      {
        controller: 'document',
        action: 'search',
        targets: [
          { index: 'i', collections: ['c', 'd'] },
          { index: 'j', collections: ['c'] },
        ],
        body: { query: { match_all: {} } },
        size: 2,
      },
    ],
    result: { hits: [hit('d1', { index: 'i', collection: 'c' }), hit('d7', { index: 'j', collection: 'c' })], total: 2, remaining: 0 },
    emits: { hits: [hit('d1', { index: 'i', collection: 'c' }), hit('d7', { index: 'j', collection: 'c' })], total: 2, fetched: 2 },
  },
  {
    controller: 'document',
    method: 'searchTargets',
    args: [[{ index: 'i', collections: ['c'] }]],
    sdk: false,
    frames: [{ controller: 'document', action: 'search', targets: [{ index: 'i', collections: ['c'] }], body: {} }],
    result: { hits: [], total: 0 },
    emits: { hits: [], total: 0, fetched: 0 },
  },
  {
    controller: 'document',
    method: 'update',
    args: ['i', 'c', 'd1', { n: 5 }, { retryOnConflict: 3, source: true, refresh: 'wait_for', silent: true }],
    result: { ...updated, _source: { color: 'red', ...updated._source } },
  },
  { controller: 'document', method: 'update', args: ['i', 'c', 'd1', { n: 5 }], result: updated },
  {
    controller: 'document',
    method: 'updateByQuery',
    args: ['i', 'c', { match: { color: 'blue' } }, { n: 3 }, { refresh: 'wait_for', silent: true, lang: 'elasticsearch' }],
    result: { errors: [], successes: [{ _id: 'd2', _version: 2, status: 200 }] },
  },
  {
    controller: 'document',
    method: 'updateByQuery',
    args: ['i', 'c', { equals: { color: 'blue' } }, { n: 3 }, { lang: 'koncorde', source: true }],
    result: { errors: [], successes: [{ _id: 'd2', _version: 2, status: 200, _source: { color: 'blue', n: 3, _kuzzle_info: info } }] },
  },
  { controller: 'document', method: 'upsert', args: ['i', 'c', 'd9', { n: 5 }], result: { _id: 'd9', _version: 1, created: true } },
  {
    controller: 'document',
    method: 'upsert',
    args: ['i', 'c', 'd9', { n: 5 }, { default: { color: 'green' }, retryOnConflict: 2, source: true, refresh: 'wait_for', silent: true }],
    result: { _id: 'd9', _version: 1, created: true, _source: { n: 5, color: 'green', _kuzzle_info: info } },
    frameDiffers: ['default'],
    differs:
      'the default fields go in the body only, as the API reads them; kuzzle-sdk also copies them to the top level, where the server ignores them',
  },
  { controller: 'document', method: 'validate', args: ['i', 'c', { n: 1 }], result: { errorMessages: {}, valid: true } },
  {
    controller: 'document',
    method: 'validate',
    args: ['i', 'c', { n: 'x' }, { timeout: 1000 }],
    result: { errorMessages: { n: { messages: ['The field type must be an integer.'] } }, valid: false },
  },
  {
    // Subscribes to the ids (each once), then fetches them once the subscription is acknowledged.
    controller: 'document',
    method: 'watchDocuments',
    args: ['i', 'c', ['d1', 'zz', 'd1']],
    sdk: false,
    open: true,
    result: (frame: Record<string, unknown>) =>
      frame['controller'] === 'realtime'
        ? { roomId: 'c8965e8a49359888', channel: 'c8965e8a49359888-111' }
        : { successes: [doc], errors: ['zz'] },
    frames: [
      {
        controller: 'realtime',
        action: 'subscribe',
        index: 'i',
        collection: 'c',
        body: { ids: { values: ['d1', 'zz'] } },
        scope: 'all',
        users: 'none',
      },
      { controller: 'document', action: 'mGet', index: 'i', collection: 'c', body: { ids: ['d1', 'zz'] } },
    ],
  },
  {
    // Subscribes to the whole collection (the client evaluates the query), then searches once the subscription is
    // acknowledged: the query translated, sorted with _id as the tie-break, one page of `size`.
    controller: 'document',
    method: 'watch',
    args: ['i', 'c', { equals: { color: 'red' } }, { sort: { n: 'desc' }, size: 50 }],
    sdk: false,
    open: true,
    result: (frame: Record<string, unknown>) =>
      frame['controller'] === 'realtime'
        ? { roomId: '0b1d7e5b3cd4a1f2', channel: '0b1d7e5b3cd4a1f2-111' }
        : { hits: [hit('d1')], total: 1 },
    frames: [
      { controller: 'realtime', action: 'subscribe', index: 'i', collection: 'c', body: {}, scope: 'all', users: 'none' },
      {
        controller: 'document',
        action: 'search',
        index: 'i',
        collection: 'c',
        body: { query: { term: { color: 'red' } }, sort: [{ n: 'desc' }, { _id: 'asc' }] },
        size: 50,
      },
    ],
  },
];
