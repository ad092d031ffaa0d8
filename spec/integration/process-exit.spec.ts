import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { startTarget, targetNames, type Target } from '../support/targets';

const FIXTURE = fileURLToPath(new URL('./fixtures/connect-and-leave.ts', import.meta.url));

/** Runs the fixture against `url` and resolves with its exit code and output, or with 'still running' after `limit`. */
async function runFixture(url: string, limit: number): Promise<{ code: number | null; output: string; stillRunning: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, url], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const exited = once(child, 'exit').then(([code]) => ({ code: code as number | null, output, stillRunning: false }));
  const guard = new Promise<{ code: null; output: string; stillRunning: true }>((resolve) => {
    const timer = globalThis.setTimeout(() => resolve({ code: null, output, stillRunning: true }), limit);
    void exited.then(() => globalThis.clearTimeout(timer));
  });
  const result = await Promise.race([exited, guard]);
  if (result.stillRunning) child.kill('SIGKILL');
  return result;
}

describe.each(targetNames())('a Node process after disconnect(), on the %s server', (name) => {
  let target: Target;

  beforeAll(async () => {
    target = await startTarget(name);
  });
  afterAll(() => target?.stop());

  it('exits by itself: no timer, socket or listener is left behind', async () => {
    // A generous bound: the fixture starts tsx, connects, requests and subscribes before it disconnects. A process
    // kept alive by a leftover timer (the keep-alive's 2 s interval, a reconnection delay) never exits.
    const result = await runFixture(`ws://${target.host}:${target.port}`, 20_000);
    expect(result.output).toContain('disconnected');
    expect(result.stillRunning).toBe(false);
    expect(result.code).toBe(0);
  }, 30_000);
});
