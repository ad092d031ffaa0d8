/**
 * The fake socket and the testing backend, shared by `kuzzle-rx/testing` and `kuzzle-rx/angular/testing`. The
 * leading underscore makes it one chunk of the build that both entries import: one copy of each class, and none of
 * the embedded server's Node modules in the Angular entry, which runs in browsers.
 */
export { FakeWebSocket } from './fake/fake-web-socket';
export type { KuzzleErrorFrame } from './fake/fake-web-socket';
export { FakeCloseEvent, FakeErrorEvent, FakeMessageEvent } from './fake/socket-events';
export { KuzzleTestingBackend } from './fake/kuzzle-testing-backend';
export { TestRequest } from './fake/test-request';
export type { TestError, RequestHost } from './fake/test-request';
export { createTestingKuzzle, connectTestingClient } from './fake/create-testing-kuzzle';
export type { TestingKuzzle } from './fake/create-testing-kuzzle';
export { DEFAULT_TESTING_BACKEND_OPTIONS, TESTING_PROTOCOL_OPTIONS, resolveBackendOptions } from './fake/options';
export type { KuzzleTestingBackendOptions, TestingKuzzleOptions, ResolvedBackendOptions } from './fake/options';
export type { RequestMatch, RequestPattern } from './fake/request-match';
export type { DocumentChange, UserChange } from './fake/notifications';
export type { LiveSubscription, SubscriptionTarget } from './fake/subscriptions';
export type { SentFrame } from './fake/response-frames';
