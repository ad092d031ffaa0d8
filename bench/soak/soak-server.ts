import { embeddedServer } from '../measure';
import type { SoakArguments } from './soak-arguments';

/** The server under the soak: where the proxy forwards to, what the table calls it, and how to stop it. */
export interface SoakServer {
  readonly label: string;
  readonly host: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** The embedded server in its own process (bench/server.ts), or the real Kuzzle, left running. */
export async function startSoakServer(args: SoakArguments): Promise<SoakServer> {
  if (args.target === 'real') {
    const url = new URL(args.url);
    return { label: `real Kuzzle (${url.host})`, host: url.hostname, port: Number(url.port || 7512), stop: async () => undefined };
  }
  const embedded = await embeddedServer();
  const url = new URL(embedded.url);
  return { label: 'embedded server (own process)', host: url.hostname, port: Number(url.port), stop: embedded.stop };
}
