/*
 * For the repository's typecheck (`npm run typecheck`), whose tsconfig maps 'kuzzle-rx' to the sources but not
 * 'kuzzle-rx/angular' (that one only resolves to dist/, after `npm run build`). The page's own build maps both
 * (tsconfig.json here) and does not read this file.
 */
declare module 'kuzzle-rx/angular' {
  const entry: typeof import('../../../src/angular');
  export = entry;
}
