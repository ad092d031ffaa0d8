/**
 * The fault proxy of bench/soak.ts, in its own process (see remote-fault-proxy.ts): forwards to the host and port given
 * as arguments, answers each command with its status, and stops when the parent disconnects.
 */
import { startFaultProxy } from '../../src/testing';
import type { ProxyCommand, ProxyMessage } from './remote-fault-proxy';

const [host = '127.0.0.1', port = '7512'] = process.argv.slice(2);
const proxy = await startFaultProxy({ target: { host, port: Number(port) } });
const say = (message: ProxyMessage) => process.send?.(message);

process.on('message', (command: ProxyCommand) => {
  if (command.type === 'cut') proxy.all().cut();
  else if (command.type === 'close') proxy.all().close(command.code, command.reason);
  say({ type: 'status', id: command.id, status: { live: proxy.connections.length, counters: proxy.counters } });
});
process.on('disconnect', () => {
  void proxy.close().then(() => process.exit(0));
});
say({ type: 'listening', port: proxy.port });
