import { EmbeddedKuzzleServer } from '../../../src/testing';
import { sleep, WsClient } from './ws-client';

describe('EmbeddedKuzzleServer protocol', () => {
  let server: EmbeddedKuzzleServer;
  let client: WsClient;

  beforeEach(async () => {
    server = await EmbeddedKuzzleServer.start();
    client = await WsClient.open(server.url);
  });

  afterEach(async () => {
    client.close();
    await server.stop();
  });

  it('listens for WebSocket and HTTP on one free port of 127.0.0.1', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`ws://127.0.0.1:${server.port}`);
    expect(server.httpUrl).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('answers {"p":1} with exactly {"p":2}', async () => {
    client.send('{"p":1}');
    await expect(client.nextText('{"p":2}')).resolves.toBe('{"p":2}');
  });

  it('answers a frame that is not JSON with an unexpected_error that has no room', async () => {
    client.send('not json');
    const frame = await client.next((candidate) => candidate['status'] === 400);
    expect(Object.keys(frame)).toEqual(['action', 'controller', 'error', 'headers', 'requestId', 'result', 'status', 'volatile']);
    expect(frame['error']).toMatchObject({ id: 'network.websocket.unexpected_error', code: 50528257, status: 400 });
    expect(typeof frame['requestId']).toBe('string');
  });

  it('writes responses with the real key order, room last', async () => {
    const frame = await client.request({ controller: 'server', action: 'now', requestId: 'r1', volatile: { a: 1 } });
    expect(Object.keys(frame)).toEqual(['action', 'controller', 'error', 'headers', 'requestId', 'result', 'status', 'volatile', 'room']);
    expect(frame).toMatchObject({
      action: 'now',
      controller: 'server',
      error: null,
      requestId: 'r1',
      status: 200,
      volatile: { a: 1 },
      room: 'r1',
    });
    expect(typeof (frame['result'] as { now: unknown }).now).toBe('number');
  });

  it('puts index and collection in a response only when the request had them', async () => {
    const frame = await client.request({ controller: 'document', action: 'get', index: 'nowhere', collection: 'c', _id: 'x' });
    expect(Object.keys(frame)).toEqual([
      'action',
      'collection',
      'controller',
      'error',
      'headers',
      'index',
      'requestId',
      'result',
      'status',
      'volatile',
      'room',
    ]);
    expect(frame['error']).toMatchObject({ id: 'services.storage.unknown_index', status: 412, props: ['nowhere'] });
  });

  it('requires a controller, then an action', async () => {
    const noController = await client.request({ action: 'now' });
    expect(noController['error']).toMatchObject({
      id: 'api.assert.missing_argument',
      code: 33619971,
      message: 'Missing argument "controller".',
    });
    const noAction = await client.request({ controller: 'server' });
    expect(noAction['error']).toMatchObject({ id: 'api.assert.missing_argument', message: 'Missing argument "action".' });
  });

  it('reports unknown controllers and actions with the real ids', async () => {
    const controller = await client.request({ controller: 'nope', action: 'now' });
    expect(controller['error']).toMatchObject({ id: 'api.process.controller_not_found', code: 33685508, status: 404 });
    const action = await client.request({ controller: 'server', action: 'nope' });
    expect(action['error']).toMatchObject({
      id: 'api.process.action_not_found',
      message: 'API action "server":"nope" not found',
      status: 404,
    });
  });

  it('rejects an attribute of the wrong type, echoing the request id without a room', async () => {
    client.send({ controller: 'server', action: 'now', requestId: 'typed', volatile: 'oops' });
    const frame = await client.next((candidate) => candidate['requestId'] === 'typed');
    expect(frame['room']).toBeUndefined();
    expect(frame['error']).toEqual({ message: 'Attribute volatile must be of type "object"', status: 400 });
  });

  it('treats {"p":1} with other keys as a request, not a ping', async () => {
    client.send({ p: 1, requestId: 'not-a-ping' });
    const frame = await client.next((candidate) => candidate['requestId'] === 'not-a-ping');
    expect(frame['error']).toMatchObject({ id: 'api.assert.missing_argument' });
  });

  it('never answers a null frame, like the real server', async () => {
    client.send('null');
    await sleep(100);
    expect(client.texts).toEqual([]);
  });

  it('reports every text frame on frames$, in both directions', async () => {
    const seen: Array<{ direction: string; text: string }> = [];
    const subscription = server.frames$.subscribe(({ direction, text }) => seen.push({ direction, text }));
    client.send('{"p":1}');
    await client.nextText('{"p":2}');
    subscription.unsubscribe();
    expect(seen).toEqual([
      { direction: 'in', text: '{"p":1}' },
      { direction: 'out', text: '{"p":2}' },
    ]);
  });
});
