import type { CatalogueRow } from './row';

/** The index controller's calls. */
export const indexRows: readonly CatalogueRow[] = [
  { controller: 'index', method: 'create', args: ['shop'], result: null },
  { controller: 'index', method: 'create', args: ['shop', { queuable: false }], result: null },
  { controller: 'index', method: 'delete', args: ['shop'], result: { acknowledged: true } },
  { controller: 'index', method: 'exists', args: ['shop'], result: true },
  { controller: 'index', method: 'exists', args: ['nope'], result: false },
  { controller: 'index', method: 'list', args: [], result: { indexes: ['nyc-open-data', 'shop'] } },
  { controller: 'index', method: 'mDelete', args: [['shop', 'stock', 'nope']], result: { deleted: ['shop', 'stock'] } },
  {
    controller: 'index',
    method: 'stats',
    args: [],
    result: { indexes: [{ name: 'shop', size: 1024, collections: [{ name: 'orders', documentCount: 3, size: 1024 }] }], size: 1024 },
  },
];
