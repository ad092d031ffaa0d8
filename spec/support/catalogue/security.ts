import type { CatalogueRow } from './row';

/** The security controller's calls. */
export const securityRows: readonly CatalogueRow[] = [];
