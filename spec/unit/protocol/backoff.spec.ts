import { backoffDelay, type BackoffPolicy } from '../../../src/protocol/backoff';

const policy: BackoffPolicy = { reconnectionDelay: 100, maxReconnectionDelay: 1000 };
const highest = () => 1 - Number.EPSILON;
const lowest = () => 0;

describe('backoffDelay', () => {
  it('waits between 0 and the base delay before the first attempt (full jitter)', () => {
    expect(backoffDelay(1, policy, lowest)).toBe(0);
    expect(backoffDelay(1, policy, () => 0.5)).toBe(50);
    expect(backoffDelay(1, policy, highest)).toBe(99);
  });

  it('doubles the ceiling of the delay at each attempt', () => {
    const ceilings = [1, 2, 3, 4].map((attempt) => backoffDelay(attempt, policy, () => 0.5) * 2);
    expect(ceilings).toEqual([100, 200, 400, 800]);
  });

  it('never exceeds the maximum delay, however many attempts failed', () => {
    expect(backoffDelay(5, policy, () => 0.5)).toBe(500);
    expect(backoffDelay(6, policy, () => 0.5)).toBe(500);
    expect(backoffDelay(1000, policy, highest)).toBe(999);
    expect(backoffDelay(Number.MAX_SAFE_INTEGER, policy, highest)).toBe(999);
  });

  it('stays within [0, ceiling) for any random value in [0, 1)', () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = Math.min(1000, 100 * 2 ** (attempt - 1));
      for (const r of [0, 0.25, 0.5, 0.75, highest()]) {
        const delay = backoffDelay(attempt, policy, () => r);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(ceiling);
        expect(Number.isInteger(delay)).toBe(true);
      }
    }
  });

  it('draws one random number per delay', () => {
    let calls = 0;
    backoffDelay(3, policy, () => {
      calls++;
      return 0.3;
    });
    expect(calls).toBe(1);
  });

  it('gives a zero delay when the base delay is zero', () => {
    expect(backoffDelay(4, { reconnectionDelay: 0, maxReconnectionDelay: 1000 }, highest)).toBe(0);
  });
});
