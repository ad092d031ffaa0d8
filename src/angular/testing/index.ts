/**
 * `kuzzle-rx/angular/testing`: `provideKuzzleTesting()` and `KuzzleTestingController`, to test components and
 * services that inject `KUZZLE`, without a server. Runs in browsers and in Node.
 */
export { provideKuzzleTesting } from './provideKuzzleTesting';
export type { KuzzleTestingConfig } from './provideKuzzleTesting';
export { KuzzleTestingController } from './KuzzleTestingController';
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
