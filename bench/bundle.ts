/**
 * Browser bundle sizes: the SDK-shaped `Kuzzle`, the example apps of bench/apps (the same app on a lean
 * `KuzzleClient` and on `Kuzzle`) and the official SDK, as an app would ship them: esbuild, minified, platform browser,
 * `ws` left out by the package's `"browser"` field. kuzzle-rx is the published build (dist/, from `npm run build`).
 * `npm run bench:bundle` prints this table alone; bench/main.ts prints it with the others.
 */
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const ROOT = resolve(import.meta.dirname, '..');

/** What `kuzzle-rx` resolves to in a bundle: the published build, or the sources (no build needed). */
export type KuzzleRxEntry = 'dist' | 'src';

const ENTRIES: Record<KuzzleRxEntry, string> = { dist: resolve(ROOT, 'dist/index.js'), src: resolve(ROOT, 'src/index.ts') };

export interface AppBundleOptions {
  /** What `kuzzle-rx` resolves to; leave it out for a bundle that does not import it. */
  readonly kuzzleRx?: KuzzleRxEntry;
  /** Packages the app already ships, left out of the measure. */
  readonly external?: readonly string[];
  /** esbuild plugins: one that resolves `kuzzle-rx` elsewhere, say (the tests' one-file build of the sources). */
  readonly plugins?: readonly Plugin[];
}

export interface AppBundle {
  readonly code: string;
  readonly metafile: Metafile;
  readonly min: number;
  readonly gzip: number;
}

/** Bundles `entry` (a file, or `{ contents }` resolved from the project's root) for the browser, minified. */
export async function appBundle(entry: string | { readonly contents: string }, options: AppBundleOptions): Promise<AppBundle> {
  const kuzzleRx = options.kuzzleRx && ENTRIES[options.kuzzleRx];
  if (options.kuzzleRx === 'dist' && !existsSync(ENTRIES.dist)) throw new Error('dist/index.js is missing: run `npm run build` first');
  const input: BuildOptions =
    typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: { contents: entry.contents, resolveDir: ROOT, loader: 'ts' } };
  const result = await build({
    ...input,
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    alias: kuzzleRx ? { 'kuzzle-rx': kuzzleRx } : {},
    external: [...(options.external ?? [])],
    plugins: [...(options.plugins ?? [])],
    // The metafile's paths are relative to this: `src/controllers/...`.
    absWorkingDir: ROOT,
    logLevel: 'silent',
  });
  const output = result.outputFiles?.[0];
  const { metafile } = result;
  if (!output || !metafile) throw new Error('esbuild wrote no bundle');
  const ws = Object.keys(metafile.inputs).find((input) => /(^|\/)node_modules\/ws\//.test(input));
  if (ws) throw new Error(`the browser bundle contains ws (${ws}): the package's "browser" field should leave it out`);
  return { code: output.text, metafile, min: output.contents.length, gzip: gzipSync(output.contents).length };
}

/** Bytes each of the project's source files puts in the bundle (esbuild's metafile, one output). */
export function bytesPerInput(bundle: AppBundle): Record<string, number> {
  const [output] = Object.values(bundle.metafile.outputs);
  return Object.fromEntries(Object.entries(output?.inputs ?? {}).map(([input, { bytesInOutput }]) => [input, bytesInOutput]));
}

export interface BundleRow {
  readonly measure: string;
  readonly rx: string;
  readonly sdk: string;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** The bundle rows of the benchmark table. */
export async function bundleRows(): Promise<BundleRow[]> {
  const shaped = await appBundle({ contents: `export { Kuzzle, WebSocketProtocol } from 'kuzzle-rx';` }, { kuzzleRx: 'dist' });
  // An Angular or reactive app ships rxjs already: what the client adds on top of it.
  const onTop = await appBundle(
    { contents: `export { Kuzzle, WebSocketProtocol } from 'kuzzle-rx';` },
    { kuzzleRx: 'dist', external: ['rxjs', 'rxjs/*'] },
  );
  const lean = await appBundle(resolve(ROOT, 'bench/apps/lean.ts'), { kuzzleRx: 'dist' });
  const leanOnTop = await appBundle(resolve(ROOT, 'bench/apps/lean.ts'), { kuzzleRx: 'dist', external: ['rxjs', 'rxjs/*'] });
  const full = await appBundle(resolve(ROOT, 'bench/apps/full.ts'), { kuzzleRx: 'dist' });
  // The official SDK has no lean form: an app of any shape ships its whole `Kuzzle`.
  const sdk = await appBundle({ contents: `export { Kuzzle, WebSocket } from 'kuzzle-sdk';` }, { external: ['ws'] });
  return [
    { measure: 'browser bundle, minified (Kuzzle + WebSocket protocol, rxjs included)', rx: kb(shaped.min), sdk: kb(sdk.min) },
    { measure: 'browser bundle, gzip', rx: kb(shaped.gzip), sdk: kb(sdk.gzip) },
    { measure: 'browser bundle, gzip, in an app that already ships rxjs', rx: kb(onTop.gzip), sdk: kb(sdk.gzip) },
    { measure: 'app using auth + document + realtime on KuzzleClient (lean), minified', rx: kb(lean.min), sdk: kb(sdk.min) },
    { measure: 'app using auth + document + realtime on KuzzleClient (lean), gzip', rx: kb(lean.gzip), sdk: kb(sdk.gzip) },
    { measure: 'the lean app, gzip, in an app that already ships rxjs', rx: kb(leanOnTop.gzip), sdk: kb(sdk.gzip) },
    { measure: 'the same app on Kuzzle (every controller), minified', rx: kb(full.min), sdk: kb(sdk.min) },
    { measure: 'the same app on Kuzzle (every controller), gzip', rx: kb(full.gzip), sdk: kb(sdk.gzip) },
  ];
}

/** Prints rows as the benchmark's table. */
export function printRows(rows: readonly BundleRow[]): void {
  console.table(rows.map((row) => ({ measure: row.measure, 'kuzzle-rx': row.rx, 'kuzzle-sdk 7': row.sdk })));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  bundleRows().then(printRows, (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
