/**
 * `kuzzle-rx/testing`: an embedded Kuzzle-protocol server for tests (Node only).
 */
export { EmbeddedKuzzleServer } from './server/EmbeddedKuzzleServer';
export { DEFAULT_EMBEDDED_SERVER_OPTIONS } from './server/options';
export type { AnonymousRights, EmbeddedServerOptions, ResolvedServerOptions } from './server/options';
export type { EmbeddedUser } from './server/auth/users';
export type { ConnectionEvent, FrameEvent } from './server/events';
