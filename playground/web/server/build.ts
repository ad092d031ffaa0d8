import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** The Angular workspace (angular.json) of the page. */
export const WORKSPACE = resolve(import.meta.dirname, '..');
/** Where `ng build` writes the page (angular.json `outputPath`). */
export const OUTPUT = join(WORKSPACE, 'dist');

const ng = join(dirname(createRequire(import.meta.url).resolve('@angular/cli/package.json')), 'bin/ng.js');

/** Builds the page with the Angular CLI (production configuration); resolves with the time it took in ms. */
export function buildPage(): Promise<number> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [ng, 'build'], {
      cwd: WORKSPACE,
      env: { ...process.env, NG_CLI_ANALYTICS: 'false', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done(performance.now() - started) : fail(new Error(`ng build failed (exit ${code}):\n${output}`)),
    );
  });
}
