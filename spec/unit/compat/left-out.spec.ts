import { actionsSentByRows, canonicalAction, CONTROLLER_ALIASES, LEFT_OUT_ACTIONS, splitAction } from '../../support/catalogue/left-out';

// The server actions the client deliberately does not wrap: each says why, and none is sent by a catalogue row.

const leftOut = Object.entries(LEFT_OUT_ACTIONS);

describe('LEFT_OUT_ACTIONS', () => {
  it.each(leftOut)('%s is a controller:action with a reason', (action, reason) => {
    const [controller, name] = splitAction(action);
    expect(controller).not.toBe('');
    expect(name).not.toBe('');
    expect(reason.trim().length).toBeGreaterThan(20);
  });

  it('lists no action a catalogue row sends', () => {
    const { actions } = actionsSentByRows();
    expect(actions.size).toBeGreaterThan(0);
    const wrapped = leftOut.map(([action]) => action).filter((action) => actions.has(canonicalAction(action)));
    expect(wrapped, `wrapped by a catalogue row, yet listed as left out:\n${wrapped.map((a) => `  ${a}\n`).join('')}`).toEqual([]);
  });

  it('lists each action under its own name, not under an alias', () => {
    expect(leftOut.map(([action]) => action).filter((action) => canonicalAction(action) !== action)).toEqual([]);
  });
});

describe('CONTROLLER_ALIASES', () => {
  it.each(Object.entries(CONTROLLER_ALIASES))('%s says why, and names a controller that is no alias', (name, alias) => {
    expect(alias.reason.trim().length).toBeGreaterThan(20);
    expect(alias.as).not.toBe(name);
    expect(CONTROLLER_ALIASES[alias.as]).toBeUndefined();
  });

  it('counts an aliased action as its twin, and leaves others and plugin controllers as they are', () => {
    expect(canonicalAction('memoryStorage:get')).toBe('ms:get');
    expect(canonicalAction('ms:get')).toBe('ms:get');
    expect(canonicalAction('document:create')).toBe('document:create');
    expect(splitAction('kuzzle-plugin-auth-passport-local/password:reset')).toEqual([
      'kuzzle-plugin-auth-passport-local/password',
      'reset',
    ]);
  });
});
