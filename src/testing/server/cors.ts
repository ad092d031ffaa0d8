/**
 * Headers the real server puts on every HTTP answer. It echoes the request's `Origin` (with
 * `Vary: Origin`) rather than `*`, since `*` is not allowed together with credentials, and sends no
 * `Access-Control-Allow-Origin` at all when the request has no `Origin`.
 */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    'Access-Control-Allow-Headers':
      'Content-Type, Access-Control-Allow-Headers, Authorization, X-Requested-With, Content-Encoding, Content-Length, X-Kuzzle-Volatile',
    'Access-Control-Allow-Methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS,HEAD',
    'Access-Control-Allow-Credentials': 'true',
  };
  if (origin !== undefined && origin.length > 0) {
    headers['Access-Control-Allow-Origin'] = origin;
    headers['Vary'] = 'Origin';
  }
  return headers;
}
