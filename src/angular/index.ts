/** `kuzzle-rx/angular`: the client as an injectable. */
export { KUZZLE, KUZZLE_CONFIG, provideKuzzle } from './provideKuzzle';
export type { KuzzleConfig } from './provideKuzzle';
