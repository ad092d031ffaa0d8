import type { CatalogueRow } from './row';

/** The ms controller's calls. */
export const msRows: readonly CatalogueRow[] = [];
