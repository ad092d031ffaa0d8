/**
 * The server's actions that no client method sends, each with the reason. The real-server coverage spec fails on any
 * `controller:action` of the server's API that no catalogue row sends and that is not listed here; a unit spec
 * checks that no action listed here is also sent by a row.
 */
import { runRx } from '../compat-runner';
import { FakeWebSocket } from '../fake-web-socket';
import { CATALOGUE } from './all';
import type { CatalogueRow } from './row';

const ADMIN_REASON =
  'server administration (resets, dumps, fixtures, shutdown): kuzzle-sdk 7 has no admin controller either; ' +
  'an operator tool sends it with kuzzle.query()';

const PASSWORD_PLUGIN_REASON =
  'a plugin controller of the test server (kuzzle-plugin-auth-passport-local): reach it with useController() or kuzzle.query()';

const SCROLLED_BY_NEXT = 'sent by next() of a page of a search made with the scroll option, not a method of its own';

export const LEFT_OUT_ACTIONS: Readonly<Record<`${string}:${string}`, string>> = {
  'realtime:unsubscribe':
    'sent by ending a subscription (the last subscriber of a channel leaving), not a method: by roomId it would cut sibling subscriptions off',
  'document:scroll': SCROLLED_BY_NEXT,
  'collection:scrollSpecifications': SCROLLED_BY_NEXT,
  'document:export':
    'HTTP only: over WebSocket the server refuses it (api.assert.unsupported_protocol), and it answers a stream of ' +
    'documents, not one JSON response; fetch GET /:index/:collection/_export',
  'admin:dump': ADMIN_REASON,
  'admin:loadFixtures': ADMIN_REASON,
  'admin:loadMappings': ADMIN_REASON,
  'admin:loadSecurities': ADMIN_REASON,
  'admin:refreshIndexCache': ADMIN_REASON,
  'admin:resetCache': ADMIN_REASON,
  'admin:resetDatabase': ADMIN_REASON,
  'admin:resetSecurity': ADMIN_REASON,
  'admin:shutdown': ADMIN_REASON,
  'kuzzle-plugin-auth-passport-local/password:getResetPasswordToken': PASSWORD_PLUGIN_REASON,
  'kuzzle-plugin-auth-passport-local/password:reset': PASSWORD_PLUGIN_REASON,
};

/** A controller the server lists under a second name: its actions count as wrapped when those of `as` are. */
export interface ControllerAlias {
  readonly as: string;
  readonly reason: string;
}

export const CONTROLLER_ALIASES: Readonly<Record<string, ControllerAlias>> = {
  memoryStorage: { as: 'ms', reason: 'the long name of the ms controller: the server runs the same actions under both names' },
};

/** The action a server's `controller:action` counts as: the same one, or its twin under the aliased controller. */
export function canonicalAction(action: string): string {
  const [controller = '', name = ''] = splitAction(action);
  const alias = CONTROLLER_ALIASES[controller];
  return alias ? `${alias.as}:${name}` : action;
}

/** `controller:action` split at its last colon (a plugin controller's name holds a slash, never a colon). */
export function splitAction(action: string): [string, string] {
  const at = action.lastIndexOf(':');
  return [action.slice(0, at), action.slice(at + 1)];
}

/** The actions the client sends over HTTP whatever the mode, by the path of their route. */
const HTTP_ROUTES: Readonly<Record<string, string>> = { '/_openapi': 'server:openapi' };

/** The action of an HTTP call recorded as `GET /path?query`. */
function httpAction(call: string): string {
  const path = call.split(' ')[1]?.split('?')[0] ?? '';
  return HTTP_ROUTES[path] ?? `http:${call}`;
}

/** What the catalogue's rows send: each `controller:action` seen in a frame, and the rows that could not run. */
export interface SentByRows {
  readonly actions: ReadonlySet<string>;
  readonly failures: readonly string[];
}

/** Runs every row on kuzzle-rx (fake server, see `runRx`) and collects the `controller:action` of each frame sent. */
export function actionsSentByRows(rows: readonly CatalogueRow[] = Object.values(CATALOGUE).flat()): SentByRows {
  const actions = new Set<string>();
  const failures: string[] = [];
  for (const row of rows) {
    FakeWebSocket.reset();
    try {
      for (const frame of runRx(row).frames)
        actions.add(
          typeof frame['http'] === 'string' ? httpAction(frame['http']) : `${String(frame['controller'])}:${String(frame['action'])}`,
        );
    } catch (error: unknown) {
      failures.push(`${row.controller}.${row.method}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  FakeWebSocket.reset();
  return { actions, failures };
}
