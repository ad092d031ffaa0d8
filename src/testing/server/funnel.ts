import { authenticate } from './auth/authenticate';
import { ANONYMOUS_ID } from './auth/users';
import type { ClientConnection } from './connections';
import type { Handler } from './context';
import { CONTROLLERS, REAL_CONTROLLERS } from './controllers';
import { kerror, toErrorData } from './errors';
import type { Outcome } from './frames';
import type { Kernel } from './kernel';
import type { ServerRequest } from './request';

/** What executing a request produced: the outcome for the body, plus HTTP-only `Set-Cookie` values. */
export interface Execution {
  readonly outcome: Outcome;
  readonly cookies: readonly string[];
}

/** What anonymous may still call with `anonymousRights: 'restricted'`. */
const RESTRICTED_ANONYMOUS = new Set(['auth:login', 'auth:checkToken', 'auth:getCurrentUser']);

/** The action's handler; an action it lacks is unknown, and so is any action of a controller a real server lacks. */
function handlerFor(controller: string, action: string): Handler {
  const actions = Object.hasOwn(CONTROLLERS, controller) ? CONTROLLERS[controller] : undefined;
  if (actions === undefined && !REAL_CONTROLLERS.has(controller)) {
    throw kerror('api.process.controller_not_found', controller);
  }
  const handler = actions !== undefined && Object.hasOwn(actions, action) ? actions[action] : undefined;
  if (handler === undefined) {
    throw kerror('api.process.action_not_found', controller, action);
  }
  return handler;
}

/**
 * Runs a request through the same stages as the real server's funnel, in the same order (so the
 * same error wins when several apply): required controller and action, authentication (and token
 * link for WebSocket connections), rights, login rate limit, action lookup, action.
 */
export function execute(kernel: Kernel, request: ServerRequest, connection: ClientConnection): Execution {
  const cookies: string[] = [];
  try {
    const { controller, action } = request;
    // An empty name is missing too, as on the real server.
    if (controller === null || controller === '') {
      throw kerror('api.assert.missing_argument', 'controller');
    }
    if (action === null || action === '') {
      throw kerror('api.assert.missing_argument', 'action');
    }
    const token = authenticate(request, kernel.tokens);
    const user = kernel.users.get(token?.userId ?? ANONYMOUS_ID);
    if (user === undefined) {
      throw kerror('security.token.invalid');
    }
    if (token !== null && connection.protocol === 'websocket') {
      kernel.links.link(token.jwt, connection.id);
    }
    const restricted = kernel.options.anonymousRights === 'restricted' && user._id === ANONYMOUS_ID;
    if (restricted && controller !== 'server' && !RESTRICTED_ANONYMOUS.has(`${controller}:${action}`)) {
      throw kerror('security.rights.unauthorized', controller, action);
    }
    if (controller === 'auth' && action === 'login' && !kernel.logins.allow(connection.id)) {
      throw kerror('api.process.too_many_logins_requests');
    }
    const handler = handlerFor(controller, action);
    const result = handler({ kernel, request, connection, token, user, setCookie: (cookie) => cookies.push(cookie) });
    return { outcome: { result }, cookies };
  } catch (error) {
    return { outcome: { error: toErrorData(error) }, cookies };
  }
}
