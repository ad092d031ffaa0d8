/** An HTTP route of the real server's API, as `server:publicApi` lists it. */
export interface HttpRoute {
  readonly verb: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly controller: string;
  readonly action: string;
}

/** The real server's routes for the actions this server implements (paths copied from Kuzzle 2.56). */
export const HTTP_ROUTES: readonly HttpRoute[] = [
  { verb: 'GET', path: '/', controller: 'server', action: 'info' },
  { verb: 'GET', path: '/_serverInfo', controller: 'server', action: 'info' },
  { verb: 'GET', path: '/_now', controller: 'server', action: 'now' },
  { verb: 'GET', path: '/_publicApi', controller: 'server', action: 'publicApi' },
  { verb: 'GET', path: '/_adminExists', controller: 'server', action: 'adminExists' },
  { verb: 'GET', path: '/_healthCheck', controller: 'server', action: 'healthCheck' },
  { verb: 'GET', path: '/_login/:strategy', controller: 'auth', action: 'login' },
  { verb: 'POST', path: '/_login/:strategy', controller: 'auth', action: 'login' },
  { verb: 'POST', path: '/_logout', controller: 'auth', action: 'logout' },
  { verb: 'POST', path: '/_refreshToken', controller: 'auth', action: 'refreshToken' },
  { verb: 'POST', path: '/_checkToken', controller: 'auth', action: 'checkToken' },
  { verb: 'GET', path: '/_me', controller: 'auth', action: 'getCurrentUser' },
  { verb: 'GET', path: '/users/_me', controller: 'auth', action: 'getCurrentUser' },
  { verb: 'GET', path: '/strategies', controller: 'auth', action: 'getStrategies' },
  { verb: 'GET', path: '/_list', controller: 'index', action: 'list' },
  { verb: 'POST', path: '/:index/_create', controller: 'index', action: 'create' },
  { verb: 'GET', path: '/:index/_exists', controller: 'index', action: 'exists' },
  { verb: 'DELETE', path: '/:index', controller: 'index', action: 'delete' },
  { verb: 'GET', path: '/:index/_list', controller: 'collection', action: 'list' },
  { verb: 'PUT', path: '/:index/:collection', controller: 'collection', action: 'create' },
  { verb: 'GET', path: '/:index/:collection/_exists', controller: 'collection', action: 'exists' },
  { verb: 'DELETE', path: '/:index/:collection', controller: 'collection', action: 'delete' },
  { verb: 'POST', path: '/:index/:collection/_refresh', controller: 'collection', action: 'refresh' },
  { verb: 'POST', path: '/:index/:collection/_create', controller: 'document', action: 'create' },
  { verb: 'POST', path: '/:index/:collection/:_id/_create', controller: 'document', action: 'create' },
  { verb: 'PUT', path: '/:index/:collection/:_id', controller: 'document', action: 'createOrReplace' },
  { verb: 'PUT', path: '/:index/:collection/:_id/_replace', controller: 'document', action: 'replace' },
  { verb: 'PUT', path: '/:index/:collection/:_id/_update', controller: 'document', action: 'update' },
  { verb: 'PATCH', path: '/:index/:collection/:_id/_update', controller: 'document', action: 'update' },
  { verb: 'DELETE', path: '/:index/:collection/:_id', controller: 'document', action: 'delete' },
  { verb: 'GET', path: '/:index/:collection/:_id', controller: 'document', action: 'get' },
  { verb: 'GET', path: '/:index/:collection/:_id/_exists', controller: 'document', action: 'exists' },
  { verb: 'GET', path: '/:index/:collection/_mGet', controller: 'document', action: 'mGet' },
  { verb: 'POST', path: '/:index/:collection/_mGet', controller: 'document', action: 'mGet' },
  { verb: 'POST', path: '/:index/:collection/_count', controller: 'document', action: 'count' },
  { verb: 'GET', path: '/:index/:collection/_search', controller: 'document', action: 'search' },
  { verb: 'POST', path: '/:index/:collection/_search', controller: 'document', action: 'search' },
  { verb: 'POST', path: '/:index/:collection/_mCreate', controller: 'document', action: 'mCreate' },
  { verb: 'PUT', path: '/:index/:collection/_mCreateOrReplace', controller: 'document', action: 'mCreateOrReplace' },
  { verb: 'PUT', path: '/:index/:collection/_mReplace', controller: 'document', action: 'mReplace' },
  { verb: 'PUT', path: '/:index/:collection/_mUpdate', controller: 'document', action: 'mUpdate' },
  { verb: 'PATCH', path: '/:index/:collection/_mUpdate', controller: 'document', action: 'mUpdate' },
  { verb: 'DELETE', path: '/:index/:collection/_mDelete', controller: 'document', action: 'mDelete' },
  { verb: 'POST', path: '/:index/:collection/_publish', controller: 'realtime', action: 'publish' },
  { verb: 'GET', path: '/_listSubscriptions', controller: 'realtime', action: 'list' },
];

export interface RouteMatch {
  readonly route: HttpRoute;
  readonly params: Readonly<Record<string, string>>;
}

/**
 * Finds the route for a request. Where several match, a literal segment beats a `:param` at the
 * first position they differ, as in the real router (so `/i/c/_search` is a search, not a get).
 */
export function matchRoute(verb: string, pathname: string): RouteMatch | undefined {
  const segments = pathname.split('/').filter((segment) => segment.length > 0);
  let best: { match: RouteMatch; rank: string } | undefined;
  for (const route of HTTP_ROUTES) {
    if (route.verb !== verb) {
      continue;
    }
    const pattern = route.path.split('/').filter((segment) => segment.length > 0);
    if (pattern.length !== segments.length) {
      continue;
    }
    const params: Record<string, string> = {};
    let rank = '';
    const matches = pattern.every((part, position) => {
      const segment = segments[position] ?? '';
      if (part.startsWith(':')) {
        params[part.slice(1)] = safeDecode(segment);
        rank += '1';
        return true;
      }
      rank += '0';
      return part === segment;
    });
    if (matches && (best === undefined || rank < best.rank)) {
      best = { match: { route, params }, rank };
    }
  }
  return best?.match;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
