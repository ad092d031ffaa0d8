import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import { EmbeddedKuzzleServer } from '../../../src/testing';
import type { ServerControl } from '../src/app/api';
import { prepareServer, type Credentials } from './prepare';

/** The Kuzzle server the page talks to, and what the page's server buttons do to it. */
export interface Backend {
  readonly kind: 'embedded' | 'real';
  readonly host: string;
  readonly port: number;
  /** Why a control is not available on this server; absent when it is. */
  readonly unavailable: Readonly<Partial<Record<ServerControl, string>>>;
  /** Freezes the link for `ms`: nothing passes either way, and no new connection gets through. Resolves at once. */
  freeze(ms: number): Promise<string>;
  /** Restarts the server; resolves once it answers again. */
  restart(): Promise<string>;
  stop(): Promise<void>;
}

/** An embedded server on a free port of 127.0.0.1, with `user` as its one user. */
export async function embeddedBackend(index: string, user: Credentials): Promise<Backend> {
  const server = await EmbeddedKuzzleServer.start({ users: [user] });
  await prepareServer('127.0.0.1', server.port, index);
  let thaw: ReturnType<typeof setTimeout> | undefined;
  const frozen = (on: boolean) => {
    server.freeze(on);
    server.refuseConnections(on);
  };
  return {
    kind: 'embedded',
    host: '127.0.0.1',
    port: server.port,
    unavailable: {},
    freeze: async (ms) => {
      clearTimeout(thaw);
      frozen(true);
      thaw = setTimeout(() => frozen(false), ms);
      return `link frozen for ${ms / 1000} s`;
    },
    restart: async () => {
      await server.restart();
      return 'server restarted (sockets dropped, subscriptions gone, users and documents kept)';
    },
    stop: async () => {
      clearTimeout(thaw);
      await server.stop();
    },
  };
}

/**
 * The server at `url`. It has no fault switches, so the link cannot be frozen; it is restarted by `restartCommand`
 * (a shell command that returns once the server answers), then prepared again: a restarted server may have lost
 * the index and the user.
 */
export async function realBackend(url: string, index: string, user: Credentials, restartCommand?: string): Promise<Backend> {
  const { hostname: host, port: given } = new URL(url);
  const port = Number(given || 7512);
  await prepareServer(host, port, index, user);
  return {
    kind: 'real',
    host,
    port,
    unavailable: {
      freeze: 'not available on a real server (no fault controls)',
      ...(restartCommand ? {} : { restart: 'not available: set KUZZLE_RESTART_CMD to restart the server' }),
    },
    freeze: async () => {
      throw new Error('the link to a real server cannot be frozen');
    },
    restart: async () => {
      if (!restartCommand) throw new Error('KUZZLE_RESTART_CMD is not set');
      await promisify(exec)(restartCommand, { timeout: 180_000 });
      await prepareServer(host, port, index, user);
      return 'server restarted with KUZZLE_RESTART_CMD';
    },
    stop: async () => undefined,
  };
}
