/**
 * `kuzzle-rx/testing`: test doubles for code that uses the client.
 * - `createTestingKuzzle()` and `KuzzleTestingBackend`: a client connected to an in-memory server that the test
 *   plays (expect a request and answer it, push notifications, drop the link), in virtual time. Runs anywhere.
 * - `FakeWebSocket`: the in-memory socket underneath, for tests of the transport itself.
 * - `EmbeddedKuzzleServer`: a real Kuzzle-protocol server on a local port (Node only).
 */
export {
  FakeWebSocket,
  FakeCloseEvent,
  FakeErrorEvent,
  FakeMessageEvent,
  KuzzleTestingBackend,
  TestRequest,
  createTestingKuzzle,
  DEFAULT_TESTING_BACKEND_OPTIONS,
  TESTING_PROTOCOL_OPTIONS,
} from './_fake';
export type {
  KuzzleErrorFrame,
  TestError,
  TestingKuzzle,
  KuzzleTestingBackendOptions,
  TestingKuzzleOptions,
  RequestMatch,
  RequestPattern,
  DocumentChange,
  UserChange,
  LiveSubscription,
  SubscriptionTarget,
  SentFrame,
} from './_fake';
export { EmbeddedKuzzleServer } from './server/embedded-kuzzle-server';
export { DEFAULT_EMBEDDED_SERVER_OPTIONS } from './server/options';
export type { AnonymousRights, EmbeddedServerOptions, ResolvedServerOptions } from './server/options';
export type { EmbeddedUser } from './server/auth/users';
export type { ConnectionEvent, FrameEvent } from './server/events';
