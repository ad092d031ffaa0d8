import type { CatalogueRow } from './row';

/** The auth controller's calls. */
export const authRows: readonly CatalogueRow[] = [];
