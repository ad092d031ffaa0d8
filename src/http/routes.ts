import { actionName, type KuzzleRequest } from '../client/request';

export interface HttpRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body: unknown;
}

const enc = encodeURIComponent;

/** Request fields that are never query-string arguments (the body and volatile data, objects, are left out anyway). */
const NOT_ARGUMENTS: ReadonlySet<string> = new Set(['controller', 'action', 'requestId', 'jwt', 'cookieAuth']);

/** The request's scalar arguments (`expiresIn`, refreshToken's `strategy`, logout's `global`), after `first`. */
function queryString(request: KuzzleRequest, first: Record<string, string>, skip?: string): string {
  const query = new URLSearchParams(first);
  for (const [name, value] of Object.entries(request)) {
    if (NOT_ARGUMENTS.has(name) || name === skip) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') query.set(name, String(value));
  }
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * The HTTP routes of the cookie-sensitive actions (the server's own routes), with the `cookieAuth` flag and the
 * action's scalar arguments in the query string.
 */
export function httpRoute(request: KuzzleRequest): HttpRoute {
  const cookieAuth = { cookieAuth: 'true' };
  switch (actionName(request)) {
    case 'auth:login':
      return {
        method: 'POST',
        path: `/_login/${enc(String(request['strategy'] ?? 'local'))}${queryString(request, cookieAuth, 'strategy')}`,
        body: request.body ?? {},
      };
    case 'auth:logout':
      // Without the flag: the server then both clears the cookie and revokes the token (with it, the token survives).
      return { method: 'POST', path: `/_logout${queryString(request, {})}`, body: {} };
    case 'auth:refreshToken':
      return { method: 'POST', path: `/_refreshToken${queryString(request, cookieAuth)}`, body: {} };
    default:
      throw new Error(`No HTTP route for ${request.controller}:${request.action}`);
  }
}
