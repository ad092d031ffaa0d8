import { actionName, type KuzzleRequest } from '../client/request';

export interface HttpRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body: unknown;
}

const enc = encodeURIComponent;

/**
 * The HTTP routes of the cookie-sensitive actions (the server's own routes), with the `cookieAuth` flag and the
 * action's arguments in the query string.
 */
export function httpRoute(request: KuzzleRequest): HttpRoute {
  const query = new URLSearchParams({ cookieAuth: 'true' });
  if (request['expiresIn'] !== undefined) query.set('expiresIn', String(request['expiresIn']));
  const qs = `?${query.toString()}`;
  switch (actionName(request)) {
    case 'auth:login':
      return { method: 'POST', path: `/_login/${enc(String(request['strategy'] ?? 'local'))}${qs}`, body: request.body ?? {} };
    case 'auth:logout':
      // Without the flag: the server then both clears the cookie and revokes the token (with it, the token survives).
      return { method: 'POST', path: '/_logout', body: {} };
    case 'auth:refreshToken':
      return { method: 'POST', path: `/_refreshToken${qs}`, body: {} };
    default:
      throw new Error(`No HTTP route for ${request.controller}:${request.action}`);
  }
}
