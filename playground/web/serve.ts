/**
 * `npm run playground:web`: builds the web playground and serves it with a Kuzzle server to talk to: an embedded
 * one (user admin/password), or KUZZLE_URL's (restarted by KUZZLE_RESTART_CMD when set). PORT picks the page's port.
 */
import { startPlayground } from './server/playground';

const playground = await startPlayground({
  port: Number(process.env['PORT'] ?? 4200),
  kuzzleUrl: process.env['KUZZLE_URL'] || undefined,
  restartCommand: process.env['KUZZLE_RESTART_CMD'] || undefined,
  build: !process.argv.includes('--no-build'),
});
const { kind, host, port } = playground.config.kuzzle;
if (playground.buildMs > 0) console.log(`page built in ${(playground.buildMs / 1000).toFixed(1)} s`);
console.log(`${kind} Kuzzle server at ws://${host}:${port}`);
console.log(`web playground at ${playground.url} (Ctrl-C to stop)`);

const stop = () => void playground.close().finally(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
