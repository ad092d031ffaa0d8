import type { CatalogueRow } from './row';

/** The debug controller's calls. */
export const debugRows: readonly CatalogueRow[] = [];
