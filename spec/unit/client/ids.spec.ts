import { randomId } from '../../../src/vocabulary/ids';

describe('request ids', () => {
  it('uses crypto.randomUUID where it exists', () => {
    expect(randomId({ randomUUID: () => 'from-crypto' })).toBe('from-crypto');
  });

  it('falls back to unique random ids where it does not (insecure browser origins)', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => randomId({})));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+-[a-z0-9]+-[a-z0-9]+$/);
  });
});
