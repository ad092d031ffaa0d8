/**
 * The import direction of the library, checked by `npm run lint`:
 * vocabulary ← protocol, http ← links, connection, auth, realtime ← client (the composition root) ← controllers, live ← angular.
 * `src/testing` may use anything; nothing shipped in the main entry imports it.
 */
module.exports = {
  forbidden: [
    {
      name: 'vocabulary-is-a-leaf',
      comment: 'The shared vocabulary (requests, responses, events, frames, notifications, errors) imports nothing of the rest.',
      severity: 'error',
      from: { path: '^src/vocabulary/' },
      to: { path: '^src/', pathNot: '^src/vocabulary/' },
    },
    {
      name: 'protocol-knows-no-client',
      comment: 'The transport knows nothing of requests, sessions, rooms or controllers.',
      severity: 'error',
      from: { path: '^src/protocol/' },
      to: { path: '^src/(client|auth|realtime|controllers|live|angular|http|testing)/' },
    },
    {
      name: 'http-knows-no-client',
      comment: 'The HTTP link is a transport: it knows nothing of sessions, rooms or controllers.',
      severity: 'error',
      from: { path: '^src/http/' },
      to: { path: '^src/(client|auth|realtime|controllers|live|angular|testing)/' },
    },
    {
      name: 'engine-knows-no-controllers',
      comment: 'The connection, session and rooms serve the controllers, not the other way round.',
      severity: 'error',
      from: { path: '^src/(protocol|http|auth|realtime/room)' },
      to: { path: '^src/(controllers|live|angular)/' },
    },
    {
      name: 'only-the-root-is-client',
      comment: 'client/ is the composition root: the engine it composes does not import it.',
      severity: 'error',
      from: { path: '^src/(vocabulary|protocol|http|links|connection|auth|realtime/room)' },
      to: { path: '^src/client/' },
    },
    {
      name: 'library-does-not-ship-its-test-kit',
      comment: 'The test kit (kuzzle-rx/testing) is its own entry point.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(testing|angular/testing)/' },
      to: { path: '^src/testing/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
