import type { KuzzleErrorPayload } from 'kuzzle-rx';

/** A request as the client sent it, parsed: `controller`, `action`, `requestId` and the rest at top level. */
export type SentFrame = Readonly<Record<string, unknown>>;

/**
 * The envelope of the server's answer to `request`, the way Kuzzle writes it: the request's `requestId`, controller,
 * action, index and collection, and `room` equal to the `requestId`.
 * @throws Error when the request has no `requestId` (the client always gives one).
 */
export function responseEnvelope(request: SentFrame): Record<string, unknown> {
  const requestId = request['requestId'];
  if (typeof requestId !== 'string') throw new Error('respond(): the request has no requestId');
  return {
    requestId,
    controller: request['controller'] ?? null,
    action: request['action'] ?? null,
    ...(typeof request['index'] === 'string' ? { index: request['index'] } : {}),
    ...(typeof request['collection'] === 'string' ? { collection: request['collection'] } : {}),
    headers: {},
    volatile: request['volatile'] ?? null,
    room: requestId,
  };
}

/** A success response to `request`. */
export function resultFrame(request: SentFrame, result: unknown, status = 200): Record<string, unknown> {
  return { ...responseEnvelope(request), status, error: null, result };
}

/** An error response to `request`: `status` is the error's. */
export function errorFrame(request: SentFrame, error: KuzzleErrorPayload): Record<string, unknown> {
  return { ...responseEnvelope(request), status: error.status, error, result: null };
}
