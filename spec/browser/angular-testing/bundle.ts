import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The test page as one classic script: Angular (just-in-time), the component and its TestBed scenarios, and the
 * library from its sources (`kuzzle-rx` as vitest resolves it), so that no build is needed.
 */
export async function buildAngularTestingPage(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./main.ts', import.meta.url))],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    alias: { 'kuzzle-rx': './src/index.ts' },
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no page');
  return output.text;
}
