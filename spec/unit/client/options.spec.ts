import { Kuzzle } from '../../../src/client/kuzzle';
import { DEFAULT_KUZZLE_OPTIONS, type KuzzleOptions } from '../../../src/client/options';
import { fakeProtocol } from '../../support/client-harness';
import { invalidOptionOf } from '../../support/invalid-option';

const protocol = () => fakeProtocol();

const creationError = (options: unknown) => invalidOptionOf(() => new Kuzzle(protocol(), options as KuzzleOptions));

describe('Kuzzle options', () => {
  it('applies the documented defaults', () => {
    const kuzzle = new Kuzzle(protocol());
    expect(kuzzle.options).toEqual(DEFAULT_KUZZLE_OPTIONS);
    expect(kuzzle.options).toMatchObject({
      cookieAuth: false,
      requestTimeout: 30_000,
      queueMaxSize: 500,
      queueMaxAge: 120_000,
      volatile: {},
    });
    expect(Object.isFrozen(kuzzle.options)).toBe(true);
  });

  it('identifies the client with a generated id', () => {
    const kuzzle = new Kuzzle(protocol(), { requestIdGenerator: () => 'fixed' });
    expect(kuzzle.instanceId).toBe('fixed');
    expect(new Kuzzle(protocol()).instanceId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a negative requestTimeout', { requestTimeout: -1 }, 'Kuzzle.requestTimeout'],
    ['a string requestTimeout', { requestTimeout: '30s' }, 'Kuzzle.requestTimeout'],
    ['a negative queueMaxSize', { queueMaxSize: -1 }, 'Kuzzle.queueMaxSize'],
    ['an infinite queueMaxAge', { queueMaxAge: Infinity }, 'Kuzzle.queueMaxAge'],
    ['a non-boolean cookieAuth', { cookieAuth: 1 }, 'Kuzzle.cookieAuth'],
    ['a volatile that is not an object', { volatile: 'x' }, 'Kuzzle.volatile'],
    ['an authenticator that is not a function', { authenticator: {} }, 'Kuzzle.authenticator'],
    ['a requestIdGenerator that is not a function', { requestIdGenerator: 'id' }, 'Kuzzle.requestIdGenerator'],
  ])('rejects %s with an InvalidOptionError naming the field', (_what, options, field) => {
    const error = creationError(options);
    expect(error.name).toBe('InvalidOptionError');
    expect(error.field).toBe(field);
    expect(error.message.startsWith(`Invalid option "${field}": `)).toBe(true);
  });

  it('rejects an unknown option, naming it', () => {
    expect(creationError({ requestTimout: 5 })).toEqual({
      name: 'InvalidOptionError',
      field: 'Kuzzle',
      message: 'Invalid option "Kuzzle": unknown option(s) requestTimout',
    });
  });
});
