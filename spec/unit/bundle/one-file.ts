import { build, type Plugin } from 'esbuild';
import { resolve } from 'node:path';
import { ROOT } from '../../../bench/bundle';

/**
 * Resolves `kuzzle-rx` to the sources bundled into one ESM file, dependencies left as imports: the shape of the
 * published dist/index.js. Bundled file by file, a module nothing uses is dropped whole (`"sideEffects": false`); in
 * one file only its unused declarations are, and its top-level code (a call, a static block, a prototype patch)
 * stays in every app. Bundling against this file shows what an app of the published package gets.
 */
export async function sourcesAsOneFile(): Promise<Plugin> {
  const result = await build({
    entryPoints: [resolve(ROOT, 'src/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const contents = result.outputFiles[0]?.text;
  if (contents === undefined) throw new Error('esbuild wrote no bundle of src/index.ts');
  return {
    name: 'kuzzle-rx-as-one-file',
    setup(bundler) {
      bundler.onResolve({ filter: /^kuzzle-rx$/ }, () => ({ path: 'kuzzle-rx', namespace: 'one-file' }));
      bundler.onLoad({ filter: /.*/, namespace: 'one-file' }, () => ({ contents, loader: 'js', resolveDir: ROOT }));
    },
  };
}
