import { EmbeddedKuzzleServer } from '../../../src/testing';
import { WsClient, type Frame } from './ws-client';

// What a real Kuzzle 2.56 answers for an action it does not know (observed over WebSocket; `stack`, sent in
// development mode only, left out):
//   {"controller":"document","action":"nope"} → 404
//     {"code":33685509,"id":"api.process.action_not_found","message":"API action \"document\":\"nope\" not found","props":["document","nope"],"status":404}
//   {"controller":"nope","action":"x"} → 404
//     {"code":33685508,"id":"api.process.controller_not_found","message":"API controller \"nope\" not found.","props":["nope"],"status":404}
//   an empty controller or action → 400 api.assert.missing_argument, as when it is absent.
// The embedded server answers the same for every action it does not implement, in the controllers it implements and
// in the real server's other controllers (security, ms, bulk, ...), so a call it cannot serve fails as an unknown
// action would on a real server, never as an unknown controller.

const actionNotFound = (controller: string, action: string): Frame => ({
  code: 33685509,
  id: 'api.process.action_not_found',
  message: `API action "${controller}":"${action}" not found`,
  props: [controller, action],
  status: 404,
});

const controllerNotFound = (controller: string): Frame => ({
  code: 33685508,
  id: 'api.process.controller_not_found',
  message: `API controller "${controller}" not found.`,
  props: [controller],
  status: 404,
});

const missingArgument = (name: string): Frame => ({
  code: 33619971,
  id: 'api.assert.missing_argument',
  message: `Missing argument "${name}".`,
  props: [name],
  status: 400,
});

describe('EmbeddedKuzzleServer, for an action it does not implement', () => {
  let server: EmbeddedKuzzleServer;
  let client: WsClient;

  beforeAll(async () => {
    server = await EmbeddedKuzzleServer.start();
    client = await WsClient.open(server.url);
  });

  afterAll(async () => {
    client.close();
    await server.stop();
  });

  const answers: ReadonlyArray<readonly [string, Frame, Frame, number]> = [
    [
      'an unknown action of a controller it implements',
      { controller: 'document', action: 'nope' },
      actionNotFound('document', 'nope'),
      404,
    ],
    ['an unknown server action', { controller: 'server', action: 'nope' }, actionNotFound('server', 'nope'), 404],
    [
      'a real action of a controller it implements in part',
      { controller: 'document', action: 'export', index: 'i', collection: 'c' },
      actionNotFound('document', 'export'),
      404,
    ],
    ['a security action', { controller: 'security', action: 'getUser', _id: 'someone' }, actionNotFound('security', 'getUser'), 404],
    ['an ms action', { controller: 'ms', action: 'get', _id: 'key' }, actionNotFound('ms', 'get'), 404],
    ['a memoryStorage action', { controller: 'memoryStorage', action: 'get', _id: 'key' }, actionNotFound('memoryStorage', 'get'), 404],
    ['a bulk action', { controller: 'bulk', action: 'import', index: 'i', collection: 'c' }, actionNotFound('bulk', 'import'), 404],
    ['an admin action', { controller: 'admin', action: 'resetDatabase' }, actionNotFound('admin', 'resetDatabase'), 404],
    ['a cluster action', { controller: 'cluster', action: 'status' }, actionNotFound('cluster', 'status'), 404],
    ['a debug action', { controller: 'debug', action: 'nodeVersion' }, actionNotFound('debug', 'nodeVersion'), 404],
    ['an unknown action of a real controller', { controller: 'security', action: 'nope' }, actionNotFound('security', 'nope'), 404],
    ['an unknown controller', { controller: 'nope', action: 'x' }, controllerNotFound('nope'), 404],
    ['an unknown plugin controller', { controller: 'nope/bar', action: 'x' }, controllerNotFound('nope/bar'), 404],
    ['an empty action', { controller: 'document', action: '' }, missingArgument('action'), 400],
    ['an empty controller', { controller: '', action: 'x' }, missingArgument('controller'), 400],
  ];

  it.each(answers)('answers %s as the real server does', async (_, request, error, status) => {
    const response = await client.request(request);
    expect(response['error']).toEqual(error);
    expect(response).toMatchObject({ status, result: null, controller: request['controller'], action: request['action'] });
  });

  it('keeps the index and collection of the request in the answer, as for any error', async () => {
    const response = await client.request({ controller: 'document', action: 'nope', index: 'i', collection: 'c', requestId: 'r8' });
    expect(Object.keys(response)).toEqual([
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
    expect(response).toMatchObject({ index: 'i', collection: 'c', requestId: 'r8', room: 'r8' });
  });

  it('lists none of the actions it does not implement in its API description', async () => {
    const response = await client.request({ controller: 'server', action: 'publicApi' });
    const api = response['result'] as Record<string, Record<string, unknown>>;
    expect(api['security']).toBeUndefined();
    expect(api['document']?.['export']).toBeUndefined();
  });
});
