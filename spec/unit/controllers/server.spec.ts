import type { Observable } from 'rxjs';
import type { Kuzzle } from '../../../src/client/kuzzle';
import type { FetchInitLike, FetchLike, FetchResponseLike } from '../../../src/http/fetch';
import { clientHarness, nameAndMessage, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';

beforeEach(() => FakeWebSocket.reset());

type Call = (kuzzle: Kuzzle) => Observable<unknown>;

const BAD_CALLS: ReadonlyArray<readonly [string, Call, string]> = [
  [
    'a start time that is an object',
    (k) => k.server.getStats({} as never),
    'server.getStats: startTime must be a string or a number, got an object',
  ],
  [
    'a stop time that is not finite',
    (k) => k.server.getStats(0, Number.NaN),
    'server.getStats: stopTime must be a string or a number, got number NaN',
  ],
  [
    'services that are a string',
    (k) => k.server.healthCheck({ services: 'storageEngine' as never }),
    'server.healthCheck: services must be an array, got "storageEngine"',
  ],
  [
    'an empty service',
    (k) => k.server.healthCheck({ services: [''] as never }),
    'server.healthCheck: services[0] must be a non-empty string, got an empty string',
  ],
  [
    'an unknown OpenAPI format',
    (k) => k.server.openapi({ format: 'xml' } as never),
    "server.openapi: format must be 'json' or 'yaml', got \"xml\"",
  ],
  [
    'an unknown OpenAPI scope',
    (k) => k.server.openapi({ scope: 'plugins' } as never),
    "server.openapi: scope must be 'kuzzle' or 'app', got \"plugins\"",
  ],
  ['OpenAPI options that are null', (k) => k.server.openapi(null as never), 'server.openapi: options must be an object, got null'],
];

interface FetchCall {
  readonly url: string;
  readonly init: FetchInitLike;
}

/** A fetch answering `status` and `body` at once, recording its calls. */
function answering(calls: FetchCall[], status: number, body: string): FetchLike {
  return (url, init) => {
    calls.push({ url, init });
    const response: FetchResponseLike = { status, headers: { get: () => null }, text: () => Promise.resolve(body) };
    return Promise.resolve(response);
  };
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('server controller', () => {
  describe.each(BAD_CALLS)('refuses %s', (_, call, message) => {
    it('with an InvalidRequestError, before anything is sent', () => {
      const calls: FetchCall[] = [];
      const { kuzzle, connect } = clientHarness({ kuzzle: { fetch: answering(calls, 200, '{}') } });
      const socket = connect();
      const observed = observe(call(kuzzle));
      expect(nameAndMessage(observed.error)).toEqual({ name: 'InvalidRequestError', message: `Invalid request: ${message}` });
      expect(socket.requests).toEqual([]);
      expect(calls).toEqual([]);
    });
  });

  it('emits the whole info result, as kuzzle-sdk resolves it', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const info = observe(kuzzle.server.info());
    socket.respond(socket.lastRequest, { serverInfo: { kuzzle: { version: '2.56.0', nodeVersion: 'v20.20.2' }, services: {} } });
    expect(info.values).toEqual([{ serverInfo: { kuzzle: { version: '2.56.0', nodeVersion: 'v20.20.2' }, services: {} } }]);
  });

  it('gets the OpenAPI definition over HTTP with the session token, and parses it', async () => {
    const calls: FetchCall[] = [];
    const { kuzzle, connect } = clientHarness({ kuzzle: { fetch: answering(calls, 200, '{"swagger":"2.0","paths":{}}') } });
    const socket = connect();
    kuzzle.jwt = 'kauth-1';
    const definition = observe(kuzzle.server.openapi());
    await flush();
    expect(definition.values).toEqual([{ swagger: '2.0', paths: {} }]);
    expect(definition.completed).toBe(true);
    expect(calls.map((c) => [c.init.method, c.url, c.init.body])).toEqual([
      ['GET', 'http://localhost:7512/_openapi?format=json&scope=kuzzle', undefined],
    ]);
    expect(calls[0]?.init.headers).toMatchObject({ authorization: 'Bearer kauth-1' });
    expect(socket.requests).toEqual([]);
  });

  it('emits the YAML text of the application scope, and sends no token when there is none', async () => {
    const calls: FetchCall[] = [];
    const { kuzzle, connect } = clientHarness({ kuzzle: { fetch: answering(calls, 200, '---\nopenapi: "3.1.0"\n') } });
    connect();
    const definition = observe(kuzzle.server.openapi({ format: 'yaml', scope: 'app' }));
    await flush();
    expect(definition.values).toEqual(['---\nopenapi: "3.1.0"\n']);
    expect(calls.map((c) => [c.url, c.init.credentials])).toEqual([['http://localhost:7512/_openapi?format=yaml&scope=app', 'include']]);
    expect(calls[0]?.init.headers).not.toHaveProperty('authorization');
  });

  it('errors with the KuzzleError of an HTTP error answer', async () => {
    const error = {
      id: 'security.rights.forbidden',
      status: 403,
      code: 117506049,
      message: 'Insufficient permissions to execute openapi',
      props: [],
    };
    const { kuzzle, connect } = clientHarness({
      kuzzle: { fetch: answering([], 403, JSON.stringify({ status: 403, error, result: null })) },
    });
    connect();
    const definition = observe(kuzzle.server.openapi());
    await flush();
    expect(nameAndMessage(definition.error)).toEqual({ name: 'KuzzleError', message: 'Insufficient permissions to execute openapi' });
  });

  it('times out after the call timeout, and aborts the HTTP call when unsubscribed before the answer', () => {
    const signals: AbortSignal[] = [];
    const hanging: FetchLike = (_, init) => {
      if (init.signal) signals.push(init.signal);
      return new Promise<FetchResponseLike>(() => undefined);
    };
    const { kuzzle, connect, runUntil } = clientHarness({ kuzzle: { fetch: hanging } });
    connect();
    const slow = observe(kuzzle.server.openapi({ timeout: 500 }));
    runUntil(499);
    expect(slow.error).toBeUndefined();
    runUntil(500);
    expect(nameAndMessage(slow.error)).toMatchObject({ name: 'RequestTimeoutError' });
    const left = observe(kuzzle.server.openapi());
    left.unsubscribe();
    expect(signals.map((s) => s.aborted)).toEqual([true, true]);
  });

  it('sends the services to check as the comma-separated list the server reads', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    observe(kuzzle.server.healthCheck({ services: ['storageEngine', 'memoryStorage'], timeout: 1000 }));
    expect(socket.lastRequest).toMatchObject({ controller: 'server', action: 'healthCheck', services: 'storageEngine,memoryStorage' });
    expect(socket.lastRequest['timeout']).toBeUndefined();
  });
});
