import { resolve } from 'node:path';
import { type AppBundle, appBundle, bytesPerInput, ROOT } from '../../../bench/bundle';
import { sourcesAsOneFile } from './one-file';

/** A string only each left-out controller has: the name of one of its actions. */
const MARKERS = { ms: 'zunionstore', security: 'createRestrictedUser' } as const;
/** The modules of the left-out controller classes (others in their folders may be shared: auth maps users too). */
const LEFT_OUT = ['src/controllers/ms/memory-storage-controller.ts', 'src/controllers/security/security-controller.ts'];

const LEAN = resolve(ROOT, 'bench/apps/lean.ts');
const FULL = resolve(ROOT, 'bench/apps/full.ts');

const inBundle = (bundle: AppBundle, module: string): boolean => (bytesPerInput(bundle)[module] ?? 0) > 0;

describe('an app bundles only the controllers it builds', () => {
  let lean: AppBundle;
  let full: AppBundle;
  let leanOneFile: AppBundle;
  let fullOneFile: AppBundle;

  beforeAll(async () => {
    const oneFile = await sourcesAsOneFile();
    [lean, full, leanOneFile, fullOneFile] = await Promise.all([
      appBundle(LEAN, { kuzzleRx: 'src' }),
      appBundle(FULL, { kuzzleRx: 'src' }),
      appBundle(LEAN, { plugins: [oneFile] }),
      appBundle(FULL, { plugins: [oneFile] }),
    ]);
  });

  it('leaves the ms and security controllers out of the lean app (KuzzleClient + auth, document, realtime), not out of the full one', () => {
    expect(LEFT_OUT.filter((module) => inBundle(lean, module))).toEqual([]);
    expect(LEFT_OUT.filter((module) => inBundle(full, module))).toEqual(LEFT_OUT);
  });

  // `includes` rather than `toContain`: a failure would print the whole bundle.
  describe.each(Object.entries(MARKERS))('the %s controller', (controller, marker) => {
    it(`is not in the lean app's bundle ("${marker}")`, () => {
      expect(lean.code.includes(marker), `"${marker}" is in the lean app's bundle`).toBe(false);
    });

    it(`is not in the lean app's bundle of the sources as one file, as published ("${marker}")`, () => {
      expect(
        leanOneFile.code.includes(marker),
        `"${marker}" is in the lean app's one-file bundle: top-level code in src/controllers/${controller}/?`,
      ).toBe(false);
    });

    it(`is in the bundle of the same app on Kuzzle ("${marker}", from ${controller}.${marker})`, () => {
      expect(full.code.includes(marker), `no "${marker}" in the full app's bundle: is ${controller}.${marker} written?`).toBe(true);
      expect(fullOneFile.code.includes(marker), `no "${marker}" in the full app's one-file bundle`).toBe(true);
    });
  });
});
