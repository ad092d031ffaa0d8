import type { CatalogueRow } from './row';

// Results as Kuzzle 2.56 answers them.
const bulkData = [{ index: { _id: 'b1' } }, { color: 'pink' }, { create: { _id: 'b2' } }, { color: 'pink' }, { delete: { _id: 'b3' } }];

/** The bulk controller's calls. */
export const bulkRows: readonly CatalogueRow[] = [
  {
    controller: 'bulk',
    method: 'deleteByQuery',
    args: ['i', 'c', { query: { match: { color: 'pink' } } }, { refresh: 'wait_for' }],
    result: { deleted: 4 },
  },
  { controller: 'bulk', method: 'deleteByQuery', args: ['i', 'c'], result: { deleted: 0 } },
  {
    controller: 'bulk',
    method: 'import',
    args: ['i', 'c', bulkData, { refresh: 'wait_for', strict: false }],
    result: {
      errors: [{ delete: { _id: 'b3', status: 404 } }],
      successes: [{ index: { _id: 'b1', status: 201 } }, { create: { _id: 'b2', status: 201 } }],
    },
  },
  { controller: 'bulk', method: 'import', args: ['i', 'c', []], result: { errors: [], successes: [] } },
  {
    controller: 'bulk',
    method: 'updateByQuery',
    args: ['i', 'c', { match: { color: 'pink' } }, { n: 9 }, { refresh: 'wait_for' }],
    result: { updated: 4 },
  },
  {
    controller: 'bulk',
    method: 'write',
    args: ['i', 'c', { color: 'pink' }, 'w1', { notify: true, refresh: 'wait_for' }],
    result: { _id: 'w1', _source: { color: 'pink' }, _version: 1 },
  },
  {
    controller: 'bulk',
    method: 'write',
    args: ['i', 'c', { color: 'pink', _kuzzle_info: { author: 'ada', createdAt: 1 } }],
    result: { _id: 'AbC…', _source: { color: 'pink', _kuzzle_info: { author: 'ada', createdAt: 1 } }, _version: 1 },
  },
  {
    controller: 'bulk',
    method: 'mWrite',
    args: [
      'i',
      'c',
      [{ _id: 'w2', body: { color: 'pink' } }, { body: { color: 'grey' } }],
      { notify: false, refresh: 'wait_for', strict: true },
    ],
    result: {
      errors: [],
      successes: [
        { _id: 'w2', _source: { color: 'pink' }, _version: 1 },
        { _id: 'XyZ…', _source: { color: 'grey' }, _version: 1 },
      ],
    },
  },
  {
    controller: 'bulk',
    method: 'mWrite',
    args: ['i', 'c', [{ _id: 'w2', body: { color: 'pink' } }]],
    result: { errors: [{ document: { _id: 'w2', body: { color: 'pink' } }, reason: 'some failure', status: 400 }], successes: [] },
  },
];
