import type { CatalogueRow } from './row';

const doc = { _id: 'd1', _version: 1, _source: { color: 'red' } };

/** The document controller's calls. */
export const documentRows: readonly CatalogueRow[] = [
  { controller: 'document', method: 'create', args: ['i', 'c', { color: 'red' }, 'd1', { refresh: 'wait_for', silent: true }], result: doc },
  { controller: 'document', method: 'create', args: ['i', 'c', { color: 'red' }], result: doc },
  { controller: 'document', method: 'get', args: ['i', 'c', 'd1'], result: doc },
  { controller: 'document', method: 'delete', args: ['i', 'c', 'd1', { refresh: 'wait_for' }], result: { _id: 'd1' } },
];
