import { InvalidRequestError } from '../vocabulary/errors/client-errors';
import type { KuzzleRequest, RequestOptions, Volatile } from '../vocabulary/request';
import { SDK_NAME } from '../vocabulary/version';

export type SendableRequest = KuzzleRequest & { requestId: string };

export interface FrameContext {
  readonly volatile: Volatile;
  readonly instanceId: string;
  readonly nextId: () => string;
}

/** Validates a request and gives it its id and volatile data (the client's, the request's, the call's, then ours). */
export function requestFrame(request: KuzzleRequest, options: RequestOptions, context: FrameContext): SendableRequest {
  if (typeof request !== 'object' || request === null) throw new InvalidRequestError('the request must be an object', request);
  for (const field of ['controller', 'action'] as const) {
    if (typeof request[field] !== 'string' || request[field] === '') {
      throw new InvalidRequestError(`"${field}" must be a non-empty string`, request);
    }
  }
  const requestId = request.requestId ?? context.nextId();
  const volatile = { ...context.volatile, ...request.volatile, ...options.volatile, sdkInstanceId: context.instanceId, sdkName: SDK_NAME };
  return { ...request, requestId, volatile };
}
