import type { CatalogueRow } from './row';

/** The bulk controller's calls. */
export const bulkRows: readonly CatalogueRow[] = [];
