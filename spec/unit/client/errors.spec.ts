import {
  isKuzzleError,
  isKuzzleRxError,
  KuzzleError,
  NotConnectedError,
  RequestTimeoutError,
  type KuzzleRequest,
} from '../../../src/index';

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
