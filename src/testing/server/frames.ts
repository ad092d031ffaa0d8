import type { KuzzleErrorData } from './errors';
import type { JsonObject, JsonValue } from './json';
import type { ServerRequest } from './request';

/** The application-level pong, byte for byte what the real server answers to `{"p":1}`. */
export const PONG_FRAME = '{"p":2}';

export type Outcome = { readonly result: JsonValue | undefined } | { readonly error: KuzzleErrorData };

function errorObject(error: KuzzleErrorData): JsonObject {
  // Key order matters: clients and the parity spec compare frames as the real server writes them.
  return { code: error.code, id: error.id, message: error.message, props: error.props?.slice(), status: error.status };
}

/**
 * A response body with the real key order: action, collection?, controller, error, headers, index?,
 * requestId, result, status, volatile. `result` is dropped when undefined, as the real server does
 * for `index:create`.
 */
export function responseBody(request: ServerRequest, outcome: Outcome): JsonObject {
  const failed = 'error' in outcome;
  return {
    action: request.action,
    collection: request.collection,
    controller: request.controller,
    error: failed ? errorObject(outcome.error) : null,
    headers: {},
    index: request.index,
    requestId: request.id,
    result: failed ? null : outcome.result,
    status: failed ? outcome.error.status : 200,
    volatile: request.volatile,
  };
}

/** A WebSocket response: the body followed by `room`, which the real server sets to the request id. */
export function responseFrame(request: ServerRequest, outcome: Outcome): string {
  return JSON.stringify({ ...responseBody(request, outcome), room: request.id });
}

/**
 * An error raised before a request exists (unparsable frame, malformed attributes): no action, no
 * controller and, since the real server cannot tell which request it answers, no `room`.
 */
export function orphanErrorFrame(error: KuzzleErrorData, requestId: JsonValue): string {
  return JSON.stringify({
    action: null,
    controller: null,
    error: errorObject(error),
    headers: {},
    requestId,
    result: null,
    status: error.status,
    volatile: null,
  });
}
