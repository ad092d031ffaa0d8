/**
 * `kuzzle-rx/angular/testing`: `provideKuzzleTesting()` and `KuzzleTestingController`, to test components and
 * services that inject `KUZZLE`, without a server. Runs in browsers and in Node.
 */
export { provideKuzzleTesting } from './provide-kuzzle-testing';
export type { KuzzleTestingConfig } from './provide-kuzzle-testing';
export { KuzzleTestingController } from './kuzzle-testing-controller';
export type {
  TestRequest,
  TestError,
  RequestMatch,
  RequestPattern,
  SentFrame,
  DocumentChange,
  UserChange,
  LiveSubscription,
  SubscriptionTarget,
  TestingKuzzleOptions,
  KuzzleTestingBackendOptions,
} from '../../testing/_fake';
