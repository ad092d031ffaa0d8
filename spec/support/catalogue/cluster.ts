import type { CatalogueRow } from './row';

/** The cluster controller's calls. */
export const clusterRows: readonly CatalogueRow[] = [];
