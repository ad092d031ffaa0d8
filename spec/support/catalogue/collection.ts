import type { CatalogueRow } from './row';

// Results as Kuzzle 2.56 answers them.
const mappings = { dynamic: 'false', properties: { color: { type: 'keyword' }, n: { type: 'integer' } } };
const specifications = { strict: false, fields: { n: { type: 'integer' } } };
const stored = {
  collection: 'c',
  index: 'i',
  validation: specifications,
  _kuzzle_info: { author: null, createdAt: 1796142645537, updatedAt: 1796142645537, updater: null },
};
const specHit = { _id: 'i#c', _score: 1, _source: stored, collection: 'validations', index: 'kuzzle' };

/** The collection controller's calls. */
export const collectionRows: readonly CatalogueRow[] = [
  {
    controller: 'collection',
    method: 'create',
    args: ['i', 'c', { mappings, settings: { number_of_shards: 1 } }],
    result: { acknowledged: true },
  },
  { controller: 'collection', method: 'create', args: ['i', 'c'], result: { acknowledged: true } },
  {
    controller: 'collection',
    method: 'create',
    args: ['i', 'c', { properties: { color: { type: 'keyword' } } }],
    result: { acknowledged: true },
  },
  { controller: 'collection', method: 'delete', args: ['i', 'c'], result: null },
  { controller: 'collection', method: 'deleteSpecifications', args: ['i', 'c'], result: { acknowledged: true } },
  { controller: 'collection', method: 'exists', args: ['i', 'c'], result: true },
  { controller: 'collection', method: 'exists', args: ['i', 'nope'], result: false },
  { controller: 'collection', method: 'getMapping', args: ['i', 'c'], result: mappings },
  {
    controller: 'collection',
    method: 'getMapping',
    args: ['i', 'c', { includeKuzzleMeta: true }],
    result: { ...mappings, properties: { ...mappings.properties, _kuzzle_info: { properties: { author: { type: 'keyword' } } } } },
  },
  {
    controller: 'collection',
    method: 'getSettings',
    args: ['i', 'c'],
    sdk: false,
    frames: [{ controller: 'collection', action: 'getSettings', index: 'i', collection: 'c' }],
    result: { number_of_shards: '1', number_of_replicas: '0', provided_name: '&i.c', uuid: '6mOC…' },
    emits: { number_of_shards: '1', number_of_replicas: '0', provided_name: '&i.c', uuid: '6mOC…' },
  },
  { controller: 'collection', method: 'getSpecifications', args: ['i', 'c'], result: stored },
  {
    controller: 'collection',
    method: 'list',
    args: ['i'],
    result: {
      collections: [
        { name: 'c', type: 'stored' },
        { name: 'r', type: 'realtime' },
      ],
      type: 'all',
    },
  },
  {
    controller: 'collection',
    method: 'list',
    args: ['i', { from: 1, size: 1 }],
    result: { collections: [{ name: 'r', type: 'realtime' }], type: 'all', from: 1, size: 1 },
  },
  { controller: 'collection', method: 'refresh', args: ['i', 'c'], result: null },
  {
    controller: 'collection',
    method: 'searchSpecifications',
    args: [{ query: { match: { index: 'i' } } }, { from: 0, size: 10 }],
    result: { hits: [specHit], total: 1 },
  },
  { controller: 'collection', method: 'searchSpecifications', args: [], result: { hits: [specHit], total: 1 } },
  {
    controller: 'collection',
    method: 'searchSpecifications',
    args: [{ query: { match_all: {} } }, { size: 1, scroll: '10s' }],
    result: { hits: [specHit], total: 2, scrollId: 'c2Nyb2xs…' },
    emits: { hits: [specHit], total: 2, fetched: 1, scrollId: 'c2Nyb2xs…' },
    differs: 'a page is a plain value: it carries the scroll cursor its next() scrolls with, where kuzzle-sdk keeps it in a hidden field',
  },
  { controller: 'collection', method: 'truncate', args: ['i', 'c', { queuable: true }], result: { acknowledged: true } },
  {
    controller: 'collection',
    method: 'update',
    args: ['i', 'c', { mappings: { properties: { y: { type: 'keyword' } } }, reindexCollection: true }],
    result: null,
  },
  { controller: 'collection', method: 'update', args: ['i', 'c', { properties: { y: { type: 'keyword' } } }], result: null },
  {
    controller: 'collection',
    method: 'updateMapping',
    args: ['i', 'c', { properties: { z: { type: 'keyword' } } }],
    result: { ...mappings, properties: { ...mappings.properties, z: { type: 'keyword' } } },
  },
  { controller: 'collection', method: 'updateSpecifications', args: ['i', 'c', specifications], result: specifications },
  {
    controller: 'collection',
    method: 'validateSpecifications',
    args: ['i', 'c', { strict: true, fields: { n: { type: 'nope' } } }],
    result: { description: 'Some errors with provided specifications.', details: ['In "i.c.n": unknown type "nope".'], valid: false },
  },
  { controller: 'collection', method: 'validateSpecifications', args: ['i', 'c', specifications], result: { valid: true } },
];
