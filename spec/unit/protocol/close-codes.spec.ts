import { isFatalClose } from '../../../src/protocol/close-codes';

describe('isFatalClose', () => {
  it.each([1002, 1003, 1007, 1010])('gives up after close code %i: reconnecting cannot fix the protocol', (code) => {
    expect(isFatalClose(code)).toBe(true);
  });

  it.each([1000, 1001, 1005, 1006, 1011, 1012, 1013, 4000, 4999])('retries after close code %i', (code) => {
    expect(isFatalClose(code)).toBe(false);
  });

  it('retries when no close code is known (the socket never opened or errored)', () => {
    expect(isFatalClose(undefined)).toBe(false);
  });
});
