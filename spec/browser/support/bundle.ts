import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * What the page gets as `window.KuzzleRx`: the published ESM build of the library (dist/, from `npm run build`), plus
 * the few rxjs functions the page needs to await Observables (the same rxjs, so there is one Observable class).
 */
const PAGE_ENTRY = `
export * from './dist/index.js';
export { firstValueFrom, filter, take, timeout, ReplaySubject } from 'rxjs';
`;

/** Strings only the `ws` package contains (its handshake GUID and its extension and error names). */
const WS_SIGNATURES = ['258EAFA5-E914-47DA-95CA-C5AB0DC85B11', 'permessage-deflate', 'WS_ERR_'];

export interface BrowserBundle {
  /** Absolute path of the IIFE script; it defines `window.KuzzleRx`. */
  readonly file: string;
  readonly code: string;
  readonly bytes: number;
  /** Removes the temporary directory. */
  dispose(): Promise<void>;
}

function assertNoWs(metafile: Metafile, code: string): void {
  const wsInputs = Object.keys(metafile.inputs).filter((input) => /(^|\/)node_modules\/ws\//.test(input));
  if (wsInputs.length > 0) throw new Error(`the browser bundle contains ws: ${wsInputs.join(', ')}`);
  const signature = WS_SIGNATURES.find((text) => code.includes(text));
  if (signature) throw new Error(`the browser bundle contains ws code ("${signature}")`);
}

/** Builds the browser build of the library (minified IIFE, global `KuzzleRx`) into a fresh temporary directory. */
export async function buildBrowserBundle(): Promise<BrowserBundle> {
  // The library reaches `ws` through a lazy `import('ws')` that only runs in Node; the package's
  // `"browser": { "ws": false }` must keep it out of this build, as it does for any bundler.
  if (!existsSync(join(ROOT, 'dist/index.js'))) throw new Error('dist/index.js is missing: run `npm run build` first');
  const dir = await mkdtemp(join(tmpdir(), 'kuzzle-rx-browser-'));
  const file = join(dir, 'kuzzle-rx.iife.js');
  try {
    const result = await build({
      stdin: { contents: PAGE_ENTRY, resolveDir: ROOT, sourcefile: 'browser-page-entry.ts', loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'KuzzleRx',
      target: 'es2022',
      minify: true,
      metafile: true,
      logLevel: 'silent',
      outfile: file,
    });
    const code = await readFile(file, 'utf8');
    assertNoWs(result.metafile, code);
    return { file, code, bytes: Buffer.byteLength(code), dispose: () => rm(dir, { recursive: true, force: true }) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
