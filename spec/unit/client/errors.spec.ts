import { isKuzzleError, isKuzzleRxError, KuzzleError, NotConnectedError, RequestTimeoutError, type KuzzleRequest } from '../../../src';
import { clientHarness, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';

const request: KuzzleRequest = { controller: 'server', action: 'now', requestId: 'r-1' };

describe('error guards', () => {
  it('narrows an unknown error by its stable name', () => {
    const error: unknown = new RequestTimeoutError(request, 500);
    expect(isKuzzleRxError(error, 'RequestTimeoutError')).toBe(true);
    expect(isKuzzleRxError(error, 'NotConnectedError')).toBe(false);
    if (isKuzzleRxError(error, 'RequestTimeoutError')) expect(error.timeout).toBe(500);
  });

  it('recognises an error of another copy of the library by its name', () => {
    const foreign = Object.assign(new Error('offline'), { name: 'NotConnectedError' });
    expect(foreign).not.toBeInstanceOf(NotConnectedError);
    expect(isKuzzleRxError(foreign, 'NotConnectedError')).toBe(true);
  });

  it('tells server errors apart', () => {
    expect(isKuzzleError(new KuzzleError({ message: 'nope', status: 404 }))).toBe(true);
    expect(isKuzzleError(new Error('nope'))).toBe(false);
    expect(isKuzzleRxError('a string', 'KuzzleError')).toBe(false);
  });
});

describe('KuzzleError from the wire', () => {
  beforeEach(() => FakeWebSocket.reset());

  it("keeps nested props and a partial error's failures instead of discarding the frame", () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const call = observe(
      kuzzle.query({ controller: 'document', action: 'mDelete', index: 'i', collection: 'c', body: { ids: ['a', 'b'] } }),
    );
    socket.respondError(socket.lastRequest, {
      message: 'some documents could not be deleted',
      status: 206,
      id: 'api.process.incomplete_multiple_request',
      props: ['mDelete', ['a', 'b']],
      errors: [{ _id: 'b', reason: 'not found' }],
      count: 1,
    } as never);
    expect(call.error).toBeInstanceOf(KuzzleError);
    expect(call.error).toMatchObject({
      status: 206,
      props: ['mDelete', ['a', 'b']],
      errors: [{ _id: 'b', reason: 'not found' }],
      count: 1,
    });
  });
});
