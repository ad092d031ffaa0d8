import type { CatalogueRow } from './row';

/** The server controller's calls. */
export const serverRows: readonly CatalogueRow[] = [];
