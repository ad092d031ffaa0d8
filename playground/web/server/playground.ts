import type { AddressInfo } from 'node:net';
import type { PlaygroundConfig } from '../src/app/api';
import { embeddedBackend, realBackend, type Backend } from './backend';
import { buildPage, OUTPUT } from './build';
import { pageServer } from './http';

export interface PlaygroundOptions {
  /** Port of the page's server; 0 picks a free one. */
  readonly port: number;
  /** A Kuzzle server to use instead of an embedded one (`KUZZLE_URL`). */
  readonly kuzzleUrl?: string;
  /** How to restart the server at `kuzzleUrl` (`KUZZLE_RESTART_CMD`). */
  readonly restartCommand?: string;
  /** The index the page uses. @default 'playground' */
  readonly index?: string;
  /** Build the page first (false: serve the last build). @default true */
  readonly build?: boolean;
}

export interface Playground {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  readonly config: PlaygroundConfig;
  readonly backend: Backend;
  /** How long the build took, in ms (0 when not built). */
  readonly buildMs: number;
  close(): Promise<void>;
}

export const USER = { username: 'admin', password: 'password' };

/**
 * Starts the Kuzzle side (an embedded server, or the one at `kuzzleUrl`), builds the page, and serves it on
 * 127.0.0.1: the same host as the Kuzzle server, so the login cookie set by one reaches the other.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const index = options.index ?? 'playground';
  const [backend, buildMs] = await Promise.all([
    options.kuzzleUrl ? realBackend(options.kuzzleUrl, index, USER, options.restartCommand) : embeddedBackend(index, USER),
    options.build === false ? Promise.resolve(0) : buildPage(),
  ]);
  const config: PlaygroundConfig = {
    kuzzle: { kind: backend.kind, host: backend.host, port: backend.port },
    index,
    user: USER,
    unavailable: backend.unavailable,
  };
  const server = pageServer(OUTPUT, config, backend);
  await new Promise<void>((listening, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', listening);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    config,
    backend,
    buildMs,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((closed) => server.close(() => closed()));
      await backend.stop();
    },
  };
}
