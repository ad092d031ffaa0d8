import type { CatalogueRow } from './row';

/** The index controller's calls. */
export const indexRows: readonly CatalogueRow[] = [];
