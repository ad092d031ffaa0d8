import type { CatalogueRow } from './row';

/** The realtime controller's calls. */
export const realtimeRows: readonly CatalogueRow[] = [];
