import { actionName } from '../vocabulary/request';

/** Actions whose answer sets or clears the authentication cookie: only an HTTP response can do that. */
const COOKIE_ACTIONS: ReadonlySet<string> = new Set(['auth:login', 'auth:logout', 'auth:refreshToken']);

export function isCookieAction(request: { controller: string; action: string }): boolean {
  return COOKIE_ACTIONS.has(actionName(request));
}
