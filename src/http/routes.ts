import { actionName, type KuzzleRequest } from '../vocabulary/request';

export interface HttpRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** The JSON body (none for GET). */
  readonly body: unknown;
  /**
   * How the answer is read: `'kuzzle'`, a Kuzzle response; `'json'` or `'text'`, the result itself (the body of a
   * success; an error is still a Kuzzle response).
   */
  readonly answer: 'kuzzle' | 'json' | 'text';
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
 * Actions sent over HTTP whatever the mode: `server:openapi`, which the server answers over a WebSocket with the bare
 * definition (no request id, hence no way to match it; in YAML it is not even JSON).
 */
const HTTP_ONLY_ACTIONS: ReadonlySet<string> = new Set(['server:openapi']);

export function isHttpOnlyAction(request: { controller: string; action: string }): boolean {
  return HTTP_ONLY_ACTIONS.has(actionName(request));
}

/**
 * The HTTP routes of the actions sent over HTTP (the server's own routes): the cookie-sensitive ones with the
 * `cookieAuth` flag, and the HTTP-only ones; the action's scalar arguments go in the query string.
 */
export function httpRoute(request: KuzzleRequest): HttpRoute {
  const cookieAuth = { cookieAuth: 'true' };
  switch (actionName(request)) {
    case 'auth:login':
      return {
        method: 'POST',
        path: `/_login/${enc(String(request['strategy'] ?? 'local'))}${queryString(request, cookieAuth, 'strategy')}`,
        body: request.body ?? {},
        answer: 'kuzzle',
      };
    case 'auth:logout':
      // Without the flag: the server then both clears the cookie and revokes the token (with it, the token survives).
      return { method: 'POST', path: `/_logout${queryString(request, {})}`, body: {}, answer: 'kuzzle' };
    case 'auth:refreshToken':
      return { method: 'POST', path: `/_refreshToken${queryString(request, cookieAuth)}`, body: {}, answer: 'kuzzle' };
    case 'server:openapi':
      return {
        method: 'GET',
        path: `/_openapi${queryString(request, {})}`,
        body: undefined,
        answer: request['format'] === 'yaml' ? 'text' : 'json',
      };
    default:
      throw new Error(`No HTTP route for ${request.controller}:${request.action}`);
  }
}
