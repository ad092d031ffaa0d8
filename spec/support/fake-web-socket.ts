// The project's specs use the fake socket that `kuzzle-rx/testing` exports.
export { FakeWebSocket } from '../../src/testing/fake/fake-web-socket';
export type { KuzzleErrorFrame } from '../../src/testing/fake/fake-web-socket';
