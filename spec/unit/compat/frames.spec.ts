import { BaseController as SdkBaseController, Kuzzle as SdkKuzzle } from 'kuzzle-sdk';
import { BaseController } from '../../../src/controllers/base-controller';
import { CATALOGUE, NOT_COPIED, type CatalogueRow } from '../../support/catalogue/all';
import { clientHarness } from '../../support/client-harness';
import { comparable, plain, publicMethods, runRx, runSdk } from '../../support/compat-runner';
import { FakeWebSocket } from '../../support/fake-web-socket';

beforeEach(() => FakeWebSocket.reset());

const SDK_CONTROLLERS = ['auth', 'bulk', 'collection', 'document', 'index', 'ms', 'realtime', 'security', 'server'] as const;

function sdkClient(): SdkKuzzle {
  const protocol = { addListener: () => undefined, isReady: () => true, query: () => Promise.resolve({}) };
  return new SdkKuzzle(protocol as never);
}

const label = (row: CatalogueRow): string =>
  `${row.controller}.${row.method}(${row.args.map((a) => JSON.stringify(a) ?? 'undefined').join(', ')})`;

describe('the API catalogue', () => {
  const { kuzzle } = clientHarness();
  const ours = kuzzle as unknown as Record<string, object>;

  describe.each(Object.keys(CATALOGUE))('%s', (controller) => {
    it('has a row for every method of the controller', () => {
      const rows = new Set((CATALOGUE[controller] ?? []).map((r) => r.method));
      const methods = publicMethods(ours[controller] ?? {}, BaseController.prototype);
      expect(methods.filter((m) => !rows.has(m))).toEqual([]);
    });
  });

  describe.each(SDK_CONTROLLERS)('kuzzle-sdk 7 %s', (controller) => {
    it('has each of its public methods on the same controller, or listed as not copied with a reason', () => {
      const sdk = sdkClient() as unknown as Record<string, object>;
      const theirs = publicMethods(sdk[controller] ?? {}, SdkBaseController.prototype as object);
      const mine = new Set(publicMethods(ours[controller] ?? {}, BaseController.prototype));
      expect(theirs.filter((m) => !mine.has(m) && !NOT_COPIED[`${controller}.${m}`])).toEqual([]);
    });
  });
});

const rows = Object.values(CATALOGUE).flat();

describe.each(rows.filter((r) => r.sdk !== false).map((r) => [label(r), r] as const))('%s', (_, row) => {
  it('sends the frames kuzzle-sdk 7 sends, and emits what it resolves to', async () => {
    const theirs = await runSdk(row);
    const mine = runRx(row);
    const differs = row.frameDiffers ?? [];
    expect(mine.error).toBeUndefined();
    expect(mine.frames.map((f) => comparable(f, differs))).toEqual(theirs.frames.map((f) => comparable(f, differs)));
    if (!row.open) expect(mine.completed).toBe(true);
    expect(mine.values.length).toBe(row.open ? mine.values.length : 1);
    if (row.open) return;
    const expected = 'emits' in row ? row.emits : theirs.error === undefined ? plain(theirs.values[0]) : undefined;
    if (!('emits' in row) && theirs.error !== undefined) throw new Error(`kuzzle-sdk failed: ${String(theirs.error)}`);
    expect(plain(mine.values[0])).toEqual(expected);
  });
});

describe.each(rows.filter((r) => r.sdk === false).map((r) => [label(r), r] as const))('%s (not in kuzzle-sdk)', (_, row) => {
  it('sends the expected frames and emits the expected value', () => {
    const mine = runRx(row);
    expect(mine.error).toBeUndefined();
    expect(mine.frames).toEqual(row.frames);
    if (!row.open) {
      expect(mine.completed).toBe(true);
      expect(plain(mine.values[0])).toEqual(row.emits);
    }
  });
});

it('every row that differs from the SDK says why', () => {
  expect(rows.filter((r) => (r.emits !== undefined || r.frameDiffers) && r.sdk !== false && !r.differs).map(label)).toEqual([]);
});
