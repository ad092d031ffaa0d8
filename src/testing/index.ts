/**
 * `kuzzle-rx/testing`: test doubles for code that uses the client.
 * - `createTestingKuzzle()` and `KuzzleTestingBackend`: a client connected to an in-memory server that the test
 *   plays (expect a request and answer it, push notifications, drop the link), in virtual time. Runs anywhere.
 * - `FakeWebSocket`: the in-memory socket underneath, for tests of the transport itself.
 * - `EmbeddedKuzzleServer`: a real Kuzzle-protocol server on a local port (Node only).
 * - `startFaultProxy()`: a loopback proxy in front of any server that puts each connection through network faults (Node only).
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
export { FaultProxy, startFaultProxy } from './fault-proxy/fault-proxy';
export { AllConnections } from './fault-proxy/all-connections';
export { ProxiedConnection } from './fault-proxy/proxied-connection';
export { InvalidFaultError, NotAWebSocketError } from './fault-proxy/errors';
export { isKuzzleNotification, isKuzzlePing, isKuzzlePong } from './fault-proxy/frame-predicates';
export { DEFAULT_FAULT_PROXY_OPTIONS } from './fault-proxy/options';
export type { FaultProxyOptions, FaultProxyTarget } from './fault-proxy/options';
export type { FaultControls } from './fault-proxy/fault-controls';
export type { FaultProxyCounters } from './fault-proxy/counters';
export type { FaultProxyEvent } from './fault-proxy/events';
export type { ConnectionKind } from './fault-proxy/proxied-connection';
export type { ProxyDirection, FramePredicate, FrameType, ProxiedFrame } from './fault-proxy/proxied-frame';
export type { RefusalMode } from './fault-proxy/refusal';
