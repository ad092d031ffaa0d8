/**
 * The fake socket and the testing backend, shared by `kuzzle-rx/testing` and `kuzzle-rx/angular/testing`. The
 * leading underscore makes it one chunk of the build that both entries import: one copy of each class, and none of
 * the embedded server's Node modules in the Angular entry, which runs in browsers.
 */
export { FakeWebSocket } from './fake/FakeWebSocket';
export type { KuzzleErrorFrame } from './fake/FakeWebSocket';
export { FakeCloseEvent, FakeErrorEvent, FakeMessageEvent } from './fake/socketEvents';
export { KuzzleTestingBackend } from './fake/KuzzleTestingBackend';
export { TestRequest } from './fake/TestRequest';
export type { TestError, RequestHost } from './fake/TestRequest';
export { createTestingKuzzle, connectTestingClient } from './fake/createTestingKuzzle';
export type { TestingKuzzle } from './fake/createTestingKuzzle';
export { DEFAULT_TESTING_BACKEND_OPTIONS, TESTING_PROTOCOL_OPTIONS, resolveBackendOptions } from './fake/options';
export type { KuzzleTestingBackendOptions, TestingKuzzleOptions, ResolvedBackendOptions } from './fake/options';
export type { RequestMatch, RequestPattern } from './fake/requestMatch';
export type { DocumentChange, UserChange } from './fake/notifications';
export type { LiveSubscription, SubscriptionTarget } from './fake/subscriptions';
export type { SentFrame } from './fake/responseFrames';
