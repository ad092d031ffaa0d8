import type { Observable } from 'rxjs';
import type { Kuzzle } from '../../../src/client/Kuzzle';
import { clientHarness, nameAndMessage, observe } from '../../support/clientHarness';
import { FakeWebSocket } from '../../support/FakeWebSocket';

beforeEach(() => FakeWebSocket.reset());

type Call = (kuzzle: Kuzzle) => Observable<unknown>;

/** Bad calls, and the reason each is refused with. */
const refusals: ReadonlyArray<readonly [string, Call, string]> = [
  ['create without an index', (k) => k.index.create(undefined as never), 'index.create: index must be a non-empty string, got undefined'],
  ['create with an empty index', (k) => k.index.create(''), 'index.create: index must be a non-empty string, got an empty string'],
  ['delete with a number as index', (k) => k.index.delete(1 as never), 'index.delete: index must be a non-empty string, got number 1'],
  ['exists with null as index', (k) => k.index.exists(null as never), 'index.exists: index must be a non-empty string, got null'],
  ['mDelete with a string as indexes', (k) => k.index.mDelete('shop' as never), 'index.mDelete: indexes must be an array, got "shop"'],
  ['mDelete with an empty name', (k) => k.index.mDelete(['shop', '']), 'index.mDelete: indexes[1] must be a non-empty string, got an empty string'],
];

describe('index controller', () => {
  it.each(refusals)('refuses %s, sending nothing', (_, call, reason) => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const result = observe(call(kuzzle));
    expect(nameAndMessage(result.error)).toEqual({ name: 'InvalidRequestError', message: `Invalid request: ${reason}` });
    expect(socket.requests).toEqual([]);
  });
});
