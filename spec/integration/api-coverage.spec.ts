import { firstValueFrom } from 'rxjs';
import type { Kuzzle } from '../../src/client/kuzzle';
import {
  actionsSentByRows,
  canonicalAction,
  CONTROLLER_ALIASES,
  LEFT_OUT_ACTIONS,
  type SentByRows,
  splitAction,
} from '../support/catalogue/left-out';
import { client, startTarget, type Target, targetNames } from '../support/targets';

// Every controller:action the real server describes is sent by some catalogue row (the rows are run on a fake server
// and their frames read), or listed in LEFT_OUT_ACTIONS with the reason.

/** The server's API description: controller → action → `{ action, controller, http? }`. */
type ApiDescription = Record<string, Record<string, unknown>>;

const listed = (title: string, actions: readonly string[]): string =>
  `${actions.length} ${title}:\n${actions.map((action) => `  ${action}\n`).join('')}`;

describe.runIf(targetNames().includes('real'))('API coverage of the real server', () => {
  let target: Target;
  let kuzzle: Kuzzle;
  let serverActions: string[];
  let sent: SentByRows;

  beforeAll(async () => {
    target = await startTarget('real');
    kuzzle = client(target);
    await firstValueFrom(kuzzle.connect());
    const response = await firstValueFrom(kuzzle.query<ApiDescription>({ controller: 'server', action: 'publicApi' }));
    serverActions = Object.entries(response.result).flatMap(([controller, actions]) =>
      Object.keys(actions).map((action) => `${controller}:${action}`),
    );
    sent = actionsSentByRows();
  });

  afterAll(() => kuzzle.disconnect());

  it("reads a description that lists the server's controllers", () => {
    expect(serverActions).toEqual(expect.arrayContaining(['document:create', 'server:publicApi', 'realtime:subscribe', 'ms:get']));
  });

  it('wraps every action of the server, or leaves it out with a reason', () => {
    const missing = serverActions.filter((action) => !sent.actions.has(canonicalAction(action)) && !(action in LEFT_OUT_ACTIONS));
    const rowsThatFailed = sent.failures.length > 0 ? listed('catalogue rows that could not run', sent.failures) : '';
    expect(
      missing,
      `${listed('server actions neither sent by a catalogue row nor in LEFT_OUT_ACTIONS', missing)}${rowsThatFailed}`,
    ).toEqual([]);
  });

  it('leaves out only actions the server has', () => {
    const known = new Set(serverActions);
    const stale = Object.keys(LEFT_OUT_ACTIONS).filter((action) => !known.has(action));
    expect(stale, listed('actions in LEFT_OUT_ACTIONS that the server does not have', stale)).toEqual([]);
  });

  it('sends only actions the server has', () => {
    const known = new Set(serverActions.map(canonicalAction));
    const unknown = [...sent.actions].filter((action) => !known.has(action)).sort();
    expect(unknown, listed('actions sent by catalogue rows that the server does not have', unknown)).toEqual([]);
  });

  it('aliases only controllers the server has under both names', () => {
    const controllers = new Set(serverActions.map((action) => splitAction(action)[0]));
    for (const [name, alias] of Object.entries(CONTROLLER_ALIASES)) {
      expect([controllers.has(name), controllers.has(alias.as)], `${name} → ${alias.as}`).toEqual([true, true]);
    }
  });
});
