/**
 * The embedded server of the benchmarks, in its own process so that the heap measured in bench/main.ts is the
 * client's alone. Prints its URL on the first line of stdout; stops when stdin closes.
 */
import { EmbeddedKuzzleServer } from '../src/testing';

const server = await EmbeddedKuzzleServer.start({ loginsPerSecond: 0 });
process.stdout.write(`${server.url}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void server.stop().then(() => process.exit(0));
});
