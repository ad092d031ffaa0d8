import { execSync } from 'node:child_process';
import { firstValueFrom, filter, take, timeout, type Observable } from 'rxjs';
import { Kuzzle, WebSocketProtocol, type KuzzleEvent, type KuzzleOptions, type WebSocketProtocolOptions } from '../../src';
import { EmbeddedKuzzleServer } from '../../src/testing';

/** A server the integration suite runs against: the embedded one, or the real one at KUZZLE_URL. */
export interface Target {
  readonly name: 'embedded' | 'real';
  readonly host: string;
  readonly port: number;
  readonly httpUrl: string;
  /** Present on the embedded target only: its fault controls. */
  readonly embedded: EmbeddedKuzzleServer | undefined;
  /**
   * A node of the real server that enforces the websocket `rateLimit` of `RATE_LIMITED_NODE.limit` frames a second
   * (`KUZZLE_RATE_LIMITED_URL`); the embedded server's rate limit is set by `embedded.limitRate()` instead.
   */
  readonly rateLimited: { readonly host: string; readonly port: number } | undefined;
  /**
   * Restarts the server (both targets); resolves once it answers again and the test user exists. `onBack` is called
   * the moment the server is back, before that check.
   */
  restart(onBack?: () => void): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real server's node at `KUZZLE_RATE_LIMITED_URL`, when set: a node of the same cluster started with
 * `kuzzle_server__protocols__websocket__rateLimit=60` (`.ci/run` starts it as node 2, on port 7513).
 */
export const RATE_LIMITED_NODE = { limit: 60 } as const;

function rateLimitedNode(): Target['rateLimited'] {
  const given = process.env['KUZZLE_RATE_LIMITED_URL'];
  if (!given) return undefined;
  const url = new URL(given);
  return { host: url.hostname, port: Number(url.port || 7512) };
}

// One token, no dash: the storage stand-in of the real test server matches ids by word, so 'rx-a' would find 'rx-b'.
export const USER = { username: 'rxspecuser', password: 'rxpassword' };

function wanted(): Set<string> {
  const given = process.env['KUZZLE_TARGETS'];
  if (given) return new Set(given.split(','));
  return new Set(process.env['KUZZLE_URL'] ? ['embedded', 'real'] : ['embedded']);
}

export const targetNames = (): Array<Target['name']> => {
  const names = wanted();
  const url = process.env['KUZZLE_URL'];
  return (['embedded', 'real'] as const).filter((name) => names.has(name) && (name === 'embedded' || Boolean(url)));
};

export async function startTarget(name: Target['name'], options: { idleTimeout?: number } = {}): Promise<Target> {
  if (name === 'embedded') {
    const server = await EmbeddedKuzzleServer.start({ users: [USER], loginsPerSecond: 0, ...options });
    return {
      name,
      host: '127.0.0.1',
      port: server.port,
      httpUrl: server.httpUrl,
      embedded: server,
      rateLimited: undefined,
      restart: async (onBack) => {
        await server.restart();
        onBack?.();
      },
      stop: () => server.stop(),
    };
  }
  const url = new URL(process.env['KUZZLE_URL'] ?? '');
  const target: Target = {
    name,
    host: url.hostname,
    port: Number(url.port || 7512),
    httpUrl: `http://${url.hostname}:${url.port || 7512}`,
    embedded: undefined,
    rateLimited: rateLimitedNode(),
    restart: async (onBack) => {
      const command = process.env['KUZZLE_RESTART_CMD'];
      if (!command) throw new Error('KUZZLE_RESTART_CMD is not set: cannot restart the real server');
      execSync(command, { stdio: 'ignore', timeout: 180_000 });
      onBack?.();
      await ensureUser(target);
    },
    stop: async () => undefined,
  };
  await ensureUser(target);
  return target;
}

/** Creates the test user on the real server (anonymous keeps every right: no first admin is created). */
async function ensureUser(target: Target): Promise<void> {
  const kuzzle = client(target);
  await firstValueFrom(kuzzle.connect());
  const exists = await firstValueFrom(kuzzle.query({ controller: 'security', action: 'getUser', _id: USER.username })).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await firstValueFrom(
      kuzzle.query({
        controller: 'security',
        action: 'createUser',
        _id: USER.username,
        refresh: 'wait_for',
        body: { content: { profileIds: ['default'] }, credentials: { local: USER } },
      }),
    );
  }
  kuzzle.disconnect();
}

export function client(target: Target, protocol: WebSocketProtocolOptions = {}, options: KuzzleOptions = {}): Kuzzle {
  return new Kuzzle(
    new WebSocketProtocol(target.host, { port: target.port, reconnectionDelay: 200, maxReconnectionDelay: 1000, ...protocol }),
    options,
  );
}

/** Resolves with the next event of that type (fails the test after `ms`). */
export function nextEvent<T extends KuzzleEvent['type']>(kuzzle: Kuzzle, type: T, ms = 15_000): Promise<Extract<KuzzleEvent, { type: T }>> {
  return firstValueFrom(
    kuzzle.events$.pipe(
      filter((event): event is Extract<KuzzleEvent, { type: T }> => event.type === type),
      take(1),
      timeout({
        first: ms,
        with: () => {
          throw new Error(`no "${type}" event within ${ms} ms`);
        },
      }),
    ),
  );
}

/** Collects every value (and the error, if any) of an Observable until `stop()`. */
export function record<T>(source: Observable<T>): { values: T[]; errors: unknown[]; stop: () => void } {
  const values: T[] = [];
  const errors: unknown[] = [];
  const subscription = source.subscribe({ next: (value) => values.push(value), error: (error: unknown) => errors.push(error) });
  return { values, errors, stop: () => subscription.unsubscribe() };
}

export const uniqueName = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

/** Polls a condition every 20 ms until it holds; fails after `ms`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`condition not met within ${ms} ms`);
}

/** Two connected clients of a target, and a fresh index of theirs holding a collection `c`. */
export interface TwoClients {
  readonly kuzzle: Kuzzle;
  readonly other: Kuzzle;
  readonly index: string;
}

/** Connects two clients and creates the index `prefix…` (one word: the storage stand-in matches ids by word) with `c`. */
export async function twoClientsOnFreshIndex(target: Target, prefix: string): Promise<TwoClients> {
  const kuzzle = client(target);
  const other = client(target);
  await firstValueFrom(kuzzle.connect());
  await firstValueFrom(other.connect());
  const index = uniqueName(prefix).replace(/-/g, '');
  await firstValueFrom(kuzzle.query({ controller: 'index', action: 'create', index }));
  await firstValueFrom(kuzzle.query({ controller: 'collection', action: 'create', index, collection: 'c' }));
  return { kuzzle, other, index };
}
