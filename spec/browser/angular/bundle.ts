import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * Where the Angular packages (and their rxjs and zone.js) are taken from: the project's own, or, with
 * `KUZZLE_RX_ANGULAR_DIR` set, a directory holding another version's `node_modules` (the oldest supported one).
 */
export const ANGULAR_DIR = process.env['KUZZLE_RX_ANGULAR_DIR'];

/** The version of @angular/core the specs should find: the one in `KUZZLE_RX_ANGULAR_DIR`, or the project's. */
export function expectedAngular(): string {
  const manifest = join(ANGULAR_DIR ?? ROOT, 'node_modules/@angular/core/package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Resolves Angular, rxjs and zone.js from `dir` instead of the project: one copy of each, of that version. */
function resolveFrom(dir: string): Plugin {
  return {
    name: 'angular-from',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^(@angular\/|rxjs(\/|$)|zone\.js(\/|$))/ }, async (args) => {
        if (args.pluginData === 'angular-from') return undefined;
        const result = await pluginBuild.resolve(args.path, { kind: args.kind, resolveDir: dir, pluginData: 'angular-from' });
        return result.errors.length > 0 ? { errors: result.errors } : { path: result.path };
      });
    },
  };
}

/**
 * Bundles a test page (a TypeScript entry under spec/browser/angular/) for Chromium: Angular in JIT mode (the entry
 * imports '@angular/compiler' first), the library from its sources ('kuzzle-rx' is src/index.ts, as in vitest).
 * Returns the script's text.
 */
export async function bundlePage(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, entry)],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    alias: { 'kuzzle-rx': join(ROOT, 'src/index.ts') },
    plugins: ANGULAR_DIR ? [resolveFrom(ANGULAR_DIR)] : [],
    absWorkingDir: ROOT,
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`bundling ${entry} produced nothing`);
  return output.text;
}
