import { z } from 'zod';
import type { EmbeddedUser } from './auth/users';

/** Which API actions anonymous may call when the server has users. */
export type AnonymousRights = 'all' | 'restricted';

/** Options of {@link EmbeddedKuzzleServer.start}. */
export interface EmbeddedServerOptions {
  /**
   * Interface to listen on.
   * @default '127.0.0.1'
   */
  readonly host?: string;
  /**
   * Port to listen on; 0 picks a free one (read it back from `server.port`).
   * @default 0
   */
  readonly port?: number;
  /**
   * Users of the `local` strategy.
   * @default []
   */
  readonly users?: readonly EmbeddedUser[];
  /**
   * Milliseconds a WebSocket may go without *sending* anything before the server destroys its TCP
   * connection (the client sees 1006, no close frame), like the real server's
   * `server.protocols.websocket.idleTimeout`. Checked every idleTimeout/15. 0 disables it.
   * @default 60000
   */
  readonly idleTimeout?: number;
  /**
   * Largest WebSocket frame accepted, in bytes, like the real server's `server.maxRequestSize` (`"1MB"` there,
   * 1048576 bytes): on a larger frame the server destroys the TCP connection at once, with no close frame and no
   * error response (the client sees 1006), and reads nothing more from that socket. 0 disables it. At most
   * 104857600 (100 MiB), beyond which the WebSocket layer refuses frames itself.
   * @default 1048576
   */
  readonly maxRequestSize?: number;
  /**
   * Token lifetime when `auth:login` gives no `expiresIn`: milliseconds or a timespan such as `'1h'`.
   * @default '1h'
   */
  readonly tokenTtl?: string | number;
  /**
   * Logins allowed per connection per second, beyond which `auth:login` fails with
   * `api.process.too_many_logins_requests` (429). 0 means unlimited.
   * @default 1
   */
  readonly loginsPerSecond?: number;
  /**
   * `'all'`: anonymous may call every action except those that need a user (logout, refreshToken),
   * like a fresh real server. `'restricted'`: anonymous may only call `server:*`, `auth:login`,
   * `auth:checkToken` and `auth:getCurrentUser` (others fail with `security.rights.unauthorized`),
   * like a server whose anonymous role was locked down.
   * @default 'all'
   */
  readonly anonymousRights?: AnonymousRights;
}

export type ResolvedServerOptions = Readonly<Required<EmbeddedServerOptions>>;

export const DEFAULT_EMBEDDED_SERVER_OPTIONS: ResolvedServerOptions = Object.freeze({
  host: '127.0.0.1',
  port: 0,
  users: [],
  idleTimeout: 60_000,
  maxRequestSize: 1_048_576,
  tokenTtl: '1h',
  loginsPerSecond: 1,
  anonymousRights: 'all',
});

const userSchema = z.object({
  username: z.string().min(1),
  password: z.string(),
  _id: z.string().min(1).optional(),
  content: z.record(z.string(), z.unknown()).optional(),
});

const optionsSchema = z.object({
  host: z.string().min(1).optional(),
  port: z.number().int().min(0).max(65535).optional(),
  users: z.array(userSchema).optional(),
  idleTimeout: z.number().int().min(0).optional(),
  maxRequestSize: z
    .number()
    .int()
    .min(0)
    .max(100 * 1024 * 1024)
    .optional(),
  tokenTtl: z.union([z.string().min(1), z.number().int()]).optional(),
  loginsPerSecond: z.number().int().min(0).optional(),
  anonymousRights: z.enum(['all', 'restricted']).optional(),
});

/** Validates the options once, naming the offending field, and fills in the defaults. */
export function resolveServerOptions(options: EmbeddedServerOptions = {}): ResolvedServerOptions {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new TypeError(`EmbeddedKuzzleServer: invalid option "${field}": ${issue?.message ?? 'invalid value'}`);
  }
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  return Object.freeze({ ...DEFAULT_EMBEDDED_SERVER_OPTIONS, ...defined });
}
