import type { CatalogueRow } from './row';

/** The collection controller's calls. */
export const collectionRows: readonly CatalogueRow[] = [];
