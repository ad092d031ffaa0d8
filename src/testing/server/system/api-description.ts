import type { ControllerActions } from '../context';
import { HTTP_ROUTES } from '../http-routes';
import type { JsonObject } from '../json';

/**
 * The `server:publicApi` listing, shaped like the real one: controller → action →
 * `{ action, controller, http?: [{ path, url, verb }] }` (no `http` for WebSocket-only actions).
 */
export function describeApi(controllers: Readonly<Record<string, ControllerActions>>): JsonObject {
  const description: Record<string, JsonObject> = {};
  for (const [controller, actions] of Object.entries(controllers)) {
    const described: Record<string, JsonObject> = {};
    for (const action of Object.keys(actions)) {
      const http = HTTP_ROUTES.filter((route) => route.controller === controller && route.action === action).map((route) => ({
        path: route.path,
        url: route.path,
        verb: route.verb,
      }));
      described[action] = http.length > 0 ? { action, controller, http } : { action, controller };
    }
    description[controller] = described;
  }
  return description;
}
