import type { Kuzzle } from '../../../src/client/kuzzle';
import { clientHarness, nameAndMessage, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';
import { itRefuses, type BadCall } from '../../support/refusals';

beforeEach(() => FakeWebSocket.reset());

const BAD_CALLS: readonly BadCall[] = [
  ['an empty method', (k) => k.debug.post(''), 'debug.post: method must be a non-empty string, got an empty string'],
  ['params that are an array', (k) => k.debug.post('Runtime.evaluate', [] as never), 'debug.post: params must be an object, got an array'],
  ['params that are null', (k) => k.debug.post('Runtime.evaluate', null as never), 'debug.post: params must be an object, got null'],
  [
    'no event to listen to',
    (k) => k.debug.addListener(undefined as never),
    'debug.addListener: event must be a non-empty string, got undefined',
  ],
  [
    'an event that is a number',
    (k) => k.debug.removeListener(1 as never),
    'debug.removeListener: event must be a non-empty string, got number 1',
  ],
];

describe('debug controller', () => {
  itRefuses(BAD_CALLS);

  it.each([
    ['enable', (k: Kuzzle) => k.debug.enable()],
    ['disable', (k: Kuzzle) => k.debug.disable()],
    ['addListener', (k: Kuzzle) => k.debug.addListener('*')],
    ['removeListener', (k: Kuzzle) => k.debug.removeListener('*')],
  ])('emits undefined once the server acknowledged %s', (_, call) => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const done = observe(call(kuzzle));
    expect(done.values).toEqual([]);
    socket.respond(socket.lastRequest, null);
    expect(done.values).toEqual([undefined]);
    expect(done.completed).toBe(true);
  });

  it('errors with the KuzzleError of a server that does not allow the debug protocol', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const enabled = observe(kuzzle.debug.enable());
    socket.respondError(socket.lastRequest, {
      id: 'core.debugger.native_debug_protocol_usage_denied',
      status: 412,
      code: 1,
      message: 'Usage of the native debug protocol is not allowed',
    });
    expect(nameAndMessage(enabled.error)).toEqual({ name: 'KuzzleError', message: 'Usage of the native debug protocol is not allowed' });
  });
});
