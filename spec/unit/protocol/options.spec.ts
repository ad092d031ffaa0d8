import { TestScheduler } from 'rxjs/testing';
import { DEFAULT_PROTOCOL_OPTIONS, type WebSocketProtocolOptions } from '../../../src/protocol/options';
import { WebSocketProtocol } from '../../../src/protocol/web-socket-protocol';
import { FakeWebSocket } from '../../support/fake-web-socket';
import { invalidOptionOf } from '../../support/invalid-option';

const creationError = (host: unknown, options?: unknown) =>
  invalidOptionOf(() => new WebSocketProtocol(host as string, options as WebSocketProtocolOptions));

describe('WebSocketProtocol options', () => {
  it('applies the documented defaults', () => {
    const protocol = new WebSocketProtocol('localhost');
    expect(protocol.options).toEqual(DEFAULT_PROTOCOL_OPTIONS);
    expect(protocol.options).toMatchObject({
      port: 7512,
      ssl: false,
      path: '/',
      pingInterval: 2000,
      pongTimeout: 2000,
      connectTimeout: 10_000,
      autoReconnect: true,
      reconnectionDelay: 1000,
      maxReconnectionDelay: 30_000,
      maxReconnectionAttempts: Infinity,
    });
    expect(protocol.url).toBe('ws://localhost:7512/');
  });

  it('freezes the resolved options and the defaults', () => {
    expect(Object.isFrozen(new WebSocketProtocol('localhost').options)).toBe(true);
    expect(Object.isFrozen(DEFAULT_PROTOCOL_OPTIONS)).toBe(true);
  });

  it('merges the given options over the defaults, ignoring fields set to undefined', () => {
    const scheduler = new TestScheduler(() => undefined);
    const random = () => 0.5;
    const protocol = new WebSocketProtocol('example.com', {
      port: 443,
      ssl: true,
      path: '/kuzzle',
      pingInterval: 0,
      reconnectionDelay: undefined,
      WebSocketCtor: FakeWebSocket,
      scheduler,
      random,
    });
    expect(protocol.options.reconnectionDelay).toBe(1000);
    expect(protocol.options.pingInterval).toBe(0);
    expect(protocol.options.scheduler).toBe(scheduler);
    expect(protocol.options.random).toBe(random);
    expect(protocol.options.WebSocketCtor).toBe(FakeWebSocket);
    expect(protocol.url).toBe('wss://example.com:443/kuzzle');
    expect(protocol.httpUrl).toBe('https://example.com:443');
  });

  it('brackets an IPv6 host in its URLs', () => {
    const protocol = new WebSocketProtocol('::1');
    expect(protocol.url).toBe('ws://[::1]:7512/');
    expect(protocol.httpUrl).toBe('http://[::1]:7512');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a negative pingInterval', { pingInterval: -1 }, 'WebSocketProtocol.pingInterval'],
    ['a non-finite pingInterval', { pingInterval: Infinity }, 'WebSocketProtocol.pingInterval'],
    ['a zero pongTimeout', { pongTimeout: 0 }, 'WebSocketProtocol.pongTimeout'],
    ['a negative connectTimeout', { connectTimeout: -1 }, 'WebSocketProtocol.connectTimeout'],
    ['a string port', { port: '7512' }, 'WebSocketProtocol.port'],
    ['a port out of range', { port: 70000 }, 'WebSocketProtocol.port'],
    ['a fractional port', { port: 75.12 }, 'WebSocketProtocol.port'],
    ['a path without a leading slash', { path: 'kuzzle' }, 'WebSocketProtocol.path'],
    ['a non-boolean autoReconnect', { autoReconnect: 'yes' }, 'WebSocketProtocol.autoReconnect'],
    ['a negative reconnectionDelay', { reconnectionDelay: -5 }, 'WebSocketProtocol.reconnectionDelay'],
    ['a negative maxReconnectionAttempts', { maxReconnectionAttempts: -1 }, 'WebSocketProtocol.maxReconnectionAttempts'],
    ['a non-string header', { headers: { cookie: 1 } }, 'WebSocketProtocol.headers.cookie'],
    ['a WebSocketCtor that is not a constructor', { WebSocketCtor: {} }, 'WebSocketProtocol.WebSocketCtor'],
    ['a scheduler without schedule()', { scheduler: { now: () => 0 } }, 'WebSocketProtocol.scheduler'],
    ['a random that is not a function', { random: 0.5 }, 'WebSocketProtocol.random'],
  ])('rejects %s with an InvalidOptionError naming the field', (_what, options, field) => {
    const error = creationError('localhost', options);
    expect(error.name).toBe('InvalidOptionError');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(new RegExp(`^Invalid option "${field.replace(/\./g, '\\.')}": `));
  });

  it('says what was wrong with the value', () => {
    expect(creationError('localhost', { pingInterval: -1 })).toEqual({
      name: 'InvalidOptionError',
      field: 'WebSocketProtocol.pingInterval',
      message: 'Invalid option "WebSocketProtocol.pingInterval": must be at least 0, got -1',
    });
    expect(creationError('localhost', { port: '7512' }).message).toBe(
      'Invalid option "WebSocketProtocol.port": expected number, got "7512"',
    );
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['pongTimeout', { pongTimeout: 0 }, 'must be more than 0, got 0'],
    ['pingInterval', { pingInterval: Infinity }, 'expected a finite number, got Infinity'],
    ['port', { port: 70000 }, 'must be at most 65535, got 70000'],
    ['port', { port: 0 }, 'must be at least 1, got 0'],
    ['port', { port: 75.12 }, 'must be a whole number, got 75.12'],
    ['path', { path: 'kuzzle' }, 'must start with "/", got "kuzzle"'],
    ['maxPayload', { maxPayload: 0.5 }, 'must be a whole number, got 0.5'],
  ])('says how %s must be, and what was given', (field, options, reason) => {
    expect(creationError('localhost', options).message).toBe(`Invalid option "WebSocketProtocol.${field}": ${reason}`);
  });

  it('rejects an unknown option, naming it', () => {
    expect(creationError('localhost', { pingIntervall: 100 })).toEqual({
      name: 'InvalidOptionError',
      field: 'WebSocketProtocol',
      message: 'Invalid option "WebSocketProtocol": unknown option(s) pingIntervall',
    });
  });

  it('rejects an empty or missing host', () => {
    expect(creationError('').message).toBe('Invalid option "WebSocketProtocol.host": must not be empty, got ""');
    expect(creationError(undefined).field).toBe('WebSocketProtocol.host');
    expect(creationError(42).message).toBe('Invalid option "WebSocketProtocol.host": expected string, got 42');
  });
});
