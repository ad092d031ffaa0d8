import { kerror } from '../errors';
import type { ServerRequest } from '../request';

export type Scope = 'all' | 'in' | 'out' | 'none';
export type UsersMode = 'all' | 'in' | 'out' | 'none';

export interface ChannelSpec {
  readonly name: string;
  readonly scope: Scope;
  readonly users: UsersMode;
  readonly propagate: boolean;
}

const ALLOWED = ['all', 'in', 'out', 'none'] as const;

function isAllowed(value: unknown): value is Scope {
  return ALLOWED.some((allowed) => allowed === value);
}

const USERS_DIGIT: Readonly<Record<UsersMode, string>> = { all: '1', in: '2', out: '3', none: '3' };
const SCOPE_DIGIT: Readonly<Record<Scope, string>> = { all: '1', in: '2', out: '3', none: '' };

/**
 * The real server names a channel `<roomId>-<users><propagate><scope>` (its `Channel.hash`): users
 * all/in/out/none → 1/2/3/3, propagate true/false → 1/2, scope all/in/out → 1/2/3. So `-111` is
 * users all + scope all, `-311` the defaults (users none, scope all).
 */
export function channelFor(roomId: string, request: ServerRequest): ChannelSpec {
  const scope = request.arg('scope') === undefined ? 'all' : request.arg('scope');
  const users = request.arg('users') === undefined ? 'none' : request.arg('users');
  const propagate = request.arg('propagate') !== false;
  if (!isAllowed(scope)) {
    throw kerror('core.realtime.invalid_scope');
  }
  if (!isAllowed(users)) {
    throw kerror('core.realtime.invalid_users');
  }
  const suffix = `${USERS_DIGIT[users]}${propagate ? '1' : '2'}${SCOPE_DIGIT[scope]}`;
  return { name: `${roomId}-${suffix}`, scope, users, propagate };
}
