import type { KuzzleOptions } from '../../../src/client/options';
import { KuzzleError } from '../../../src/vocabulary/errors/kuzzle-error';
import { clientHarness, nameAndMessage, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';

function setup(options: KuzzleOptions = {}) {
  return clientHarness({ kuzzle: options, fixedBackoff: false });
}

beforeEach(() => FakeWebSocket.reset());

describe('Kuzzle requests', () => {
  it('sends nothing before subscription', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    kuzzle.server.now();
    kuzzle.query({ controller: 'server', action: 'info' });
    expect(socket.requests).toEqual([]);
  });

  it('sends the request with a requestId and the client identity in volatile', () => {
    const { kuzzle, connect } = setup({ volatile: { app: 'demo', who: 'client' } });
    const socket = connect();
    observe(
      kuzzle.query(
        { controller: 'document', action: 'get', index: 'i', collection: 'c', _id: 'd1', volatile: { who: 'request' } },
        { volatile: { call: 1 } },
      ),
    );

    expect(socket.requests).toEqual([
      {
        controller: 'document',
        action: 'get',
        index: 'i',
        collection: 'c',
        _id: 'd1',
        requestId: 'id-1',
        volatile: { app: 'demo', who: 'request', call: 1, sdkInstanceId: kuzzle.instanceId, sdkName: expect.any(String) as unknown },
      },
    ]);
  });

  it('emits the whole response, then completes', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    const response = observe(kuzzle.query({ controller: 'server', action: 'now' }));
    socket.respond(socket.lastRequest, { now: 1795654286658 });

    expect(response.values).toEqual([
      expect.objectContaining({
        requestId: 'id-1',
        status: 200,
        controller: 'server',
        action: 'now',
        result: { now: 1795654286658 },
        error: null,
      }),
    ]);
    expect(response.completed).toBe(true);
  });

  it('emits the result from controller methods', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    const now = observe(kuzzle.server.now());
    socket.respond(socket.lastRequest, { now: 42 });
    expect(now.values).toEqual([42]);
    expect(now.completed).toBe(true);
  });

  it('correlates responses with their requests by requestId, whatever their order', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    const first = observe(kuzzle.query({ controller: 'server', action: 'now' }));
    const second = observe(kuzzle.query({ controller: 'server', action: 'now' }));
    const [firstRequest, secondRequest] = socket.requests;
    if (!firstRequest || !secondRequest) throw new Error('two requests expected');
    expect(firstRequest['requestId']).not.toBe(secondRequest['requestId']);

    socket.respond(secondRequest, { now: 2 });
    expect(first.values).toEqual([]);
    expect(second.values.map((response) => response.result)).toEqual([{ now: 2 }]);
    socket.respond(firstRequest, { now: 1 });
    expect(first.values.map((response) => response.result)).toEqual([{ now: 1 }]);
  });

  it('keeps a requestId given by the caller', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    const response = observe(kuzzle.query({ controller: 'server', action: 'now', requestId: 'mine' }));
    expect(socket.lastRequest['requestId']).toBe('mine');
    socket.respond(socket.lastRequest, { now: 1 });
    expect(response.completed).toBe(true);
  });

  it('errors with a KuzzleError carrying every field of an error response, and reports a queryError', () => {
    const { kuzzle, connect, events } = setup();
    const socket = connect();
    const response = observe(kuzzle.query({ controller: 'document', action: 'get', index: 'frames', collection: 'c', _id: 'nope' }));
    socket.respondError(socket.lastRequest, {
      code: 16842763,
      id: 'services.storage.not_found',
      message: 'Document "nope" not found in "frames":"c".',
      props: ['nope', 'frames', 'c'],
      status: 404,
      stack: 'NotFoundError: ...',
    });

    expect(response.error).toBeInstanceOf(KuzzleError);
    const error = response.error as KuzzleError;
    expect(nameAndMessage(error)).toEqual({ name: 'KuzzleError', message: 'Document "nope" not found in "frames":"c".' });
    expect({ status: error.status, id: error.id, code: error.code, props: error.props, kuzzleStack: error.kuzzleStack }).toEqual({
      status: 404,
      id: 'services.storage.not_found',
      code: 16842763,
      props: ['nope', 'frames', 'c'],
      kuzzleStack: 'NotFoundError: ...',
    });
    expect(error.stack).toMatch(/^KuzzleError: Document "nope"[\s\S]*--- server stack ---\nNotFoundError: \.\.\.$/);
    expect(events).toContainEqual({
      type: 'queryError',
      error,
      request: expect.objectContaining({ requestId: 'id-1', _id: 'nope' }) as unknown,
    });
  });

  it('errors with InvalidRequestError when controller or action is missing, sending nothing', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    const response = observe(kuzzle.query({ controller: 'server', action: '' }));
    expect(nameAndMessage(response.error)).toEqual({
      name: 'InvalidRequestError',
      message: 'Invalid request: "action" must be a non-empty string',
    });
    expect(socket.requests).toEqual([]);
  });

  it('errors with InvalidOptionError on a misspelt client option, sending nothing', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    const response = observe(kuzzle.query({ controller: 'server', action: 'now' }, { timeOut: 5 }));
    expect(nameAndMessage(response.error)).toEqual({
      name: 'InvalidOptionError',
      message: 'Invalid option "RequestOptions.timeOut": unknown option, did you mean "timeout"?',
    });
    expect(socket.requests).toEqual([]);
  });

  it('sends the other per-call options as API arguments, at top level', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    observe(
      kuzzle.query(
        { controller: 'document', action: 'create', index: 'i', collection: 'c', body: {} },
        { refresh: 'wait_for', silent: true, timeout: 1000 },
      ),
    );
    expect(socket.lastRequest).toMatchObject({ controller: 'document', action: 'create', refresh: 'wait_for', silent: true });
    expect(socket.lastRequest).not.toHaveProperty('timeout');
  });

  it("takes the official SDK's timeout: -1 as no timeout", () => {
    const { kuzzle, connect, scheduler } = setup();
    connect();
    const response = observe(kuzzle.query({ controller: 'server', action: 'now' }, { timeout: -1 }));
    scheduler.flush();
    expect(response.error).toBeUndefined();
    expect(response.completed).toBe(false);
  });
});

describe('Kuzzle request timeouts', () => {
  it('fails a request with RequestTimeoutError after the client requestTimeout', () => {
    const { kuzzle, connect, runUntil } = setup({ requestTimeout: 1000 });
    const socket = connect();
    const response = observe(kuzzle.query({ controller: 'server', action: 'now' }));

    runUntil(999);
    expect(response.error).toBeUndefined();
    runUntil(1000);
    expect(nameAndMessage(response.error)).toEqual({
      name: 'RequestTimeoutError',
      message: 'Request server:now (id-1) got no response within 1000 ms',
    });
    expect(socket.requests).toHaveLength(1);
  });

  it('lets a call override the timeout', () => {
    const { kuzzle, connect, runUntil } = setup({ requestTimeout: 1000 });
    connect();
    const short = observe(kuzzle.query({ controller: 'server', action: 'now' }, { timeout: 200 }));
    const unbounded = observe(kuzzle.query({ controller: 'server', action: 'now' }, { timeout: 0 }));

    runUntil(200);
    expect(nameAndMessage(short.error)).toEqual({
      name: 'RequestTimeoutError',
      message: 'Request server:now (id-1) got no response within 200 ms',
    });
    runUntil(100_000);
    expect(unbounded.error).toBeUndefined();
  });

  it('forgets a timed-out request: its late response is discarded as unknown', () => {
    const { kuzzle, connect, events, at, runUntil } = setup({ requestTimeout: 1000 });
    const socket = connect();
    const response = observe(kuzzle.query({ controller: 'server', action: 'now' }));
    at(1500, () => socket.respond(socket.lastRequest, { now: 1 }));
    runUntil(2000);

    expect(response.values).toEqual([]);
    expect((response.error as Error).name).toBe('RequestTimeoutError');
    expect(events).toContainEqual({ type: 'discarded', reason: 'unknown-request', requestId: 'id-1' });
  });

  it('reports an error frame for no pending request with its error, as a server over its rate limit sends one', () => {
    const { kuzzle, connect, events } = setup();
    const socket = connect();
    observe(kuzzle.query({ controller: 'server', action: 'now' }));
    // The server's own request id, no room: nothing can match it.
    socket.receiveJson({
      requestId: 'made-up-by-the-server',
      status: 429,
      error: { id: 'network.websocket.ratelimit_exceeded', code: 50528258, message: 'Rate limit exceeded', status: 429 },
      controller: null,
      action: null,
      result: null,
      volatile: null,
    });

    const discarded = events.find((event) => event.type === 'discarded');
    expect(discarded).toMatchObject({ type: 'discarded', reason: 'unknown-request', requestId: 'made-up-by-the-server' });
    expect(discarded?.type === 'discarded' && discarded.error).toMatchObject({
      name: 'KuzzleError',
      id: 'network.websocket.ratelimit_exceeded',
      status: 429,
    });
    expect(discarded).not.toHaveProperty('frame');
  });

  it('never puts a token in a discarded frame: a late login response names its request only', () => {
    const { kuzzle, connect, events, at, runUntil } = setup({ requestTimeout: 1000 });
    const socket = connect();
    observe(kuzzle.query({ controller: 'auth', action: 'login', strategy: 'local', body: { username: 'u', password: 'p' } }));
    const login = socket.lastRequest;
    at(1500, () => socket.respond(login, { _id: 'u', jwt: 'kauth-secret', expiresAt: 1, ttl: 1 }));
    runUntil(2000);

    expect(JSON.stringify(events)).not.toContain('kauth-secret');
    expect(events).toContainEqual({ type: 'discarded', reason: 'unknown-request', requestId: login.requestId });
  });

  it('redacts the tokens of a frame it cannot read', () => {
    const { connect, events } = setup();
    const socket = connect();
    socket.receive('{"jwt": "kauth-secret", "token":"kapikey-secret", "oops"');

    expect(events).toContainEqual({ type: 'discarded', reason: 'not-json', frame: '{"jwt": "[redacted]", "token":"[redacted]", "oops"' });
  });

  it('has no timeout when requestTimeout is 0', () => {
    const { kuzzle, connect, at, runUntil } = setup({ requestTimeout: 0 });
    const socket = connect();
    const response = observe(kuzzle.query({ controller: 'server', action: 'now' }));
    at(3_600_000, () => socket.respond(socket.lastRequest, { now: 1 }));
    runUntil(3_600_000);
    expect(response.completed).toBe(true);
  });
});

describe('Kuzzle request unsubscription', () => {
  it('forgets a request unsubscribed before its response: the late response is discarded', () => {
    const { kuzzle, connect, events } = setup();
    const socket = connect();
    const response = observe(kuzzle.query({ controller: 'server', action: 'now' }));
    response.unsubscribe();
    socket.respond(socket.lastRequest, { now: 1 });

    expect(response.values).toEqual([]);
    expect(events).toContainEqual({ type: 'discarded', reason: 'unknown-request', requestId: 'id-1' });
  });

  it('answers only the requests still awaited', () => {
    const { kuzzle, connect, events } = setup();
    const socket = connect();
    const kept = observe(kuzzle.query({ controller: 'server', action: 'now' }));
    const dropped = observe(kuzzle.query({ controller: 'server', action: 'now' }));
    dropped.unsubscribe();
    const [keptRequest, droppedRequest] = socket.requests;
    if (!keptRequest || !droppedRequest) throw new Error('two requests expected');
    socket.respond(droppedRequest, { now: 2 });
    socket.respond(keptRequest, { now: 1 });

    expect(kept.values.map((response) => response.result)).toEqual([{ now: 1 }]);
    expect(events.filter((event) => event.type === 'discarded')).toHaveLength(1);
  });
});

describe('Kuzzle malformed frames', () => {
  it.each([
    ['text that is not JSON', 'not json', 'not-json'],
    ['a truncated JSON frame', '{"requestId":"x",', 'not-json'],
    ['a JSON array', '[1,2]', 'unexpected-shape'],
    ['JSON null', 'null', 'unexpected-shape'],
    ['a number', '42', 'unexpected-shape'],
    ['an object that is not a response', '{"hello":"world"}', 'unexpected-shape'],
    [
      'a response without status',
      '{"requestId":"id-1","controller":"server","action":"now","error":null,"result":1,"volatile":null}',
      'unexpected-shape',
    ],
    [
      'a response whose error has no message',
      '{"requestId":"id-1","status":500,"controller":"server","action":"now","error":{"status":500},"result":null,"volatile":null}',
      'unexpected-shape',
    ],
    [
      'a document notification with an unknown scope',
      '{"type":"document","room":"r","status":200,"index":"i","collection":"c","controller":"document","action":"create","scope":"sideways","event":"write","result":{}}',
      'unexpected-shape',
    ],
    [
      'a TokenExpired notification without message',
      '{"type":"TokenExpired","room":"kuzzle:notification:server","status":200}',
      'unexpected-shape',
    ],
    [
      'a response for no pending request',
      '{"requestId":"nobody","status":200,"controller":"server","action":"now","error":null,"result":1,"volatile":null,"room":"nobody"}',
      'unknown-request',
    ],
    [
      'a notification for no subscription',
      '{"type":"user","room":"nowhere","status":200,"user":"in","result":{"count":2},"index":"i","collection":"c","controller":"realtime","action":"subscribe"}',
      'unknown-room',
    ],
  ])('discards %s with a discarded event, and the connection stays usable', (_what, text, reason) => {
    const { kuzzle, connect, events } = setup();
    const socket = connect();
    const pending = observe(kuzzle.query({ controller: 'server', action: 'now' }));

    socket.receive(text);

    // A response's text may hold a token: it is named by its request id instead.
    const described = reason === 'unknown-request' ? { requestId: 'nobody' } : { frame: text };
    expect(events).toContainEqual({ type: 'discarded', reason, ...described });
    expect(pending.error).toBeUndefined();
    expect(kuzzle.protocol.isOpen).toBe(true);
    socket.respond(socket.lastRequest, { now: 7 });
    expect(pending.values.map((response) => response.result)).toEqual([{ now: 7 }]);
  });

  it('discards a binary frame with a discarded event, and the connection stays usable', () => {
    const { kuzzle, connect, events } = setup();
    const socket = connect();
    const pending = observe(kuzzle.server.now());

    socket.receiveBinary();

    expect(events).toContainEqual(expect.objectContaining({ type: 'discarded', reason: 'binary' }));
    socket.respond(socket.lastRequest, { now: 7 });
    expect(pending.values).toEqual([7]);
  });

  it("discards the server's answer to a frame it could not parse (it has a requestId of the server's own)", () => {
    const { connect, events } = setup();
    const socket = connect();
    const text =
      '{"action":null,"controller":null,"error":{"code":50528257,"id":"network.websocket.unexpected_error","message":"Unexpected token","status":400},"requestId":"d5227210-1","status":400,"volatile":null,"result":null}';
    socket.receive(text);
    expect(events).toContainEqual({
      type: 'discarded',
      reason: 'unknown-request',
      requestId: 'd5227210-1',
      error: expect.objectContaining({ name: 'KuzzleError', id: 'network.websocket.unexpected_error', status: 400 }) as unknown,
    });
  });
});
