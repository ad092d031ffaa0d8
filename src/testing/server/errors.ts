import { format } from 'node:util';

interface ErrorTemplate {
  readonly code: number;
  readonly status: number;
  readonly message: string;
}

/**
 * The subset of Kuzzle 2.56's error catalogue this server can raise. Codes, statuses and message
 * templates are copied from the real server (`kerror/codes/*.json`); a code is
 * `domain << 24 | subdomain << 16 | error`.
 */
export const ERROR_CATALOGUE = {
  'api.assert.invalid_type': { code: 33619969, status: 400, message: 'Wrong type for argument "%s" (expected: %s)' },
  'api.assert.invalid_argument': { code: 33619970, status: 400, message: 'Invalid argument "%s". Expected: %s' },
  'api.assert.missing_argument': { code: 33619971, status: 400, message: 'Missing argument "%s".' },
  'api.assert.body_required': { code: 33619976, status: 400, message: 'The request must specify a body.' },
  'api.assert.koncorde_dsl_error': { code: 33619982, status: 400, message: '%s' },
  'api.process.controller_not_found': { code: 33685508, status: 404, message: 'API controller "%s" not found.' },
  'api.process.action_not_found': { code: 33685509, status: 404, message: 'API action "%s":"%s" not found' },
  'api.process.too_many_logins_requests': {
    code: 33685517,
    status: 429,
    message: 'Rejected: Too many login attempts per second',
  },
  'network.websocket.ratelimit_exceeded': { code: 50528258, status: 429, message: 'Rate limit exceeded.' },
  'core.fatal.unexpected_error': { code: 1, status: 500, message: 'Caught an unexpected error: %s.' },
  'core.realtime.invalid_scope': {
    code: 65540,
    status: 400,
    message: 'Invalid value for the "scope" parameter (allowed: "all", "in", "out", "none").',
  },
  'core.realtime.invalid_users': {
    code: 65541,
    status: 400,
    message: 'Invalid value for the "users" parameter (allowed: "all", "in", "out", "none").',
  },
  'core.realtime.not_subscribed': { code: 65544, status: 412, message: 'User "%s" has not subscribed to "%s".' },
  'network.http.url_not_found': { code: 50397191, status: 404, message: 'API URL not found: %s.' },
  'network.http.body_parse_failed': {
    code: 50397196,
    status: 400,
    message: 'Unable to convert the HTTP body to JSON: %s',
  },
  'network.websocket.unexpected_error': {
    code: 50528257,
    status: 400,
    message: 'Caught an unexpected WebSocket error: %s',
  },
  'plugin.strategy.missing_user': { code: 67305492, status: 401, message: '%s' },
  'security.token.invalid': { code: 117506049, status: 401, message: 'Invalid token.' },
  'security.token.expired': { code: 117506054, status: 401, message: 'Token expired' },
  'security.token.verification_error': { code: 117506055, status: 500, message: 'Error verifying token: %s' },
  'security.token.refresh_forbidden': { code: 117506056, status: 401, message: '%s cannot be refreshed.' },
  'security.credentials.unknown_strategy': {
    code: 117571585,
    status: 400,
    message: 'Unknown authentication strategy "%s"',
  },
  'security.rights.unauthorized': {
    code: 117637121,
    status: 401,
    message: 'Unauthorized: authentication required to execute the action "%s:%s".',
  },
  'services.storage.unknown_index': { code: 16842753, status: 412, message: 'The index "%s" does not exist.' },
  'services.storage.unknown_collection': {
    code: 16842754,
    status: 412,
    message: 'The collection "%s":"%s" does not exist.',
  },
  'services.storage.not_found': { code: 16842763, status: 404, message: 'Document "%s" not found in "%s":"%s".' },
  'services.storage.document_already_exists': { code: 16842769, status: 400, message: 'Document already exists.' },
  'services.storage.index_already_exists': {
    code: 16842790,
    status: 412,
    message: 'A %s index named "%s" already exists',
  },
  'services.storage.unknown_query_keyword': {
    code: 16842797,
    status: 400,
    message: 'The keyword "%s" is not part of Elasticsearch Query DSL. Are you trying to use a Koncorde query?',
  },
} as const satisfies Record<string, ErrorTemplate>;

export type KuzzleErrorId = keyof typeof ERROR_CATALOGUE;

/**
 * An error as it travels in a frame. `id`, `code` and `props` are absent only for the few errors the
 * real server raises outside its catalogue (a request that is not an object, an attribute of the
 * wrong type).
 */
export interface KuzzleErrorData {
  readonly code?: number;
  readonly id?: string;
  readonly message: string;
  readonly props?: readonly string[];
  readonly status: number;
}

/** Thrown inside a request handler, caught by the funnel and turned into an error response. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(readonly data: KuzzleErrorData) {
    super(data.message);
  }
}

/** Builds the catalogued error `id`, filling its message template with `props` like the real server. */
export function kerror(id: KuzzleErrorId, ...props: string[]): ApiError {
  const template: ErrorTemplate = ERROR_CATALOGUE[id];
  return new ApiError({
    code: template.code,
    id,
    message: format(template.message, ...props),
    props,
    status: template.status,
  });
}

/** An error outside the catalogue, as the real server raises for malformed request attributes. */
export function uncataloguedError(message: string, status: number): ApiError {
  return new ApiError({ message, status });
}

export function toErrorData(error: unknown): KuzzleErrorData {
  if (error instanceof ApiError) {
    return error.data;
  }
  const message = error instanceof Error ? error.message : String(error);
  return kerror('core.fatal.unexpected_error', message).data;
}
