import type { CatalogueRow } from './row';

const status = {
  activeNodes: 1,
  activity: [{ address: '::1', date: '2026-12-01T16:27:07.000Z', event: 'joined', id: 'knode-floppy-stendhal-18605' }],
  nodes: [{ address: '::1', birthdate: '2026-12-01T16:27:06.992Z', id: 'knode-floppy-stendhal-18605' }],
};

/** The cluster controller's calls (kuzzle-sdk has no cluster controller). */
export const clusterRows: readonly CatalogueRow[] = [
  {
    controller: 'cluster',
    method: 'status',
    args: [],
    sdk: false,
    result: status,
    frames: [{ controller: 'cluster', action: 'status' }],
    emits: status,
  },
];
