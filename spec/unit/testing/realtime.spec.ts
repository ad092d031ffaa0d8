import { EmbeddedKuzzleServer } from '../../../src/testing';
import { sleep, WsClient, type Frame } from './ws-client';

const INDEX = 'shop';
const COLLECTION = 'fruits';
const RED = { equals: { color: 'red' } };

const resultOf = (frame: Frame): Record<string, unknown> => frame['result'] as Record<string, unknown>;

describe('EmbeddedKuzzleServer realtime', () => {
  let server: EmbeddedKuzzleServer;
  let watcher: WsClient;
  let writer: WsClient;

  const subscribe = async (client: WsClient, extra: Frame = {}): Promise<{ roomId: string; channel: string }> => {
    const response = await client.request({
      controller: 'realtime',
      action: 'subscribe',
      index: INDEX,
      collection: COLLECTION,
      body: RED,
      ...extra,
    });
    expect(response['error']).toBeNull();
    return resultOf(response) as { roomId: string; channel: string };
  };
  const write = (action: string, _id: string, body?: Frame): Promise<Frame> =>
    writer.request({ controller: 'document', action, index: INDEX, collection: COLLECTION, _id, body });
  const notifications = (client: WsClient): Frame[] => client.frames.filter((frame) => frame['type'] === 'document');

  beforeEach(async () => {
    server = await EmbeddedKuzzleServer.start();
    watcher = await WsClient.open(server.url);
    writer = await WsClient.open(server.url);
    await writer.request({ controller: 'index', action: 'create', index: INDEX });
    await writer.request({ controller: 'collection', action: 'create', index: INDEX, collection: COLLECTION });
  });

  afterEach(async () => {
    watcher.close();
    writer.close();
    await server.stop();
  });

  describe('subscribe', () => {
    it('gives equal filters the same room id across clients, and channels suffixed like the real server', async () => {
      const all = await subscribe(watcher, { users: 'all' });
      const defaults = await subscribe(writer);
      const scoped = await subscribe(writer, { scope: 'out', users: 'in', propagate: false });
      expect(defaults.roomId).toBe(all.roomId);
      expect(all.channel).toBe(`${all.roomId}-111`);
      expect(defaults.channel).toBe(`${all.roomId}-311`);
      expect(scoped.channel).toBe(`${all.roomId}-223`);
    });

    it('rejects bad filters, scopes and users with the real error ids', async () => {
      const badFilter = await watcher.request({
        controller: 'realtime',
        action: 'subscribe',
        index: INDEX,
        collection: COLLECTION,
        body: { nope: {} },
      });
      expect(badFilter['error']).toEqual({
        code: 33619982,
        id: 'api.assert.koncorde_dsl_error',
        message: '"nope": unknown keyword',
        props: ['"nope": unknown keyword'],
        status: 400,
      });
      const badScope = await watcher.request({
        controller: 'realtime',
        action: 'subscribe',
        index: INDEX,
        collection: COLLECTION,
        body: {},
        scope: 'sideways',
      });
      expect(badScope['error']).toMatchObject({ id: 'core.realtime.invalid_scope', code: 65540 });
      const badUsers = await watcher.request({
        controller: 'realtime',
        action: 'subscribe',
        index: INDEX,
        collection: COLLECTION,
        body: {},
        users: 'some',
      });
      expect(badUsers['error']).toMatchObject({ id: 'core.realtime.invalid_users', code: 65541 });
      const noBody = await watcher.request({ controller: 'realtime', action: 'subscribe', index: INDEX, collection: COLLECTION });
      expect(noBody['error']).toMatchObject({ id: 'api.assert.body_required' });
    });
  });

  describe('document notifications', () => {
    it('follow a document into, within and out of a filter, with the real frame layout', async () => {
      const { channel } = await subscribe(watcher);
      await write('create', 'apple', { color: 'red' });
      await write('update', 'apple', { size: 3 });
      await write('update', 'apple', { color: 'green' });
      await write('update', 'apple', { size: 4 });
      await write('replace', 'apple', { color: 'red' });
      await write('delete', 'apple');
      await sleep(50);
      const seen = notifications(watcher);
      expect(seen.map((frame) => [frame['action'], frame['scope'], frame['event']])).toEqual([
        ['create', 'in', 'write'],
        ['update', 'in', 'write'],
        ['update', 'out', 'write'],
        ['replace', 'in', 'write'],
        ['delete', 'out', 'delete'],
      ]);
      const [created, updated, left] = seen;
      expect(Object.keys(created ?? {})).toEqual([
        'type',
        'status',
        'action',
        'scope',
        'result',
        'event',
        'requestId',
        'timestamp',
        'volatile',
        'index',
        'collection',
        'controller',
        'protocol',
        'room',
      ]);
      expect(created).toMatchObject({ room: channel, protocol: 'websocket', controller: 'document', index: INDEX, collection: COLLECTION });
      expect(resultOf(created ?? {})).toMatchObject({
        _id: 'apple',
        _version: 1,
        _source: { color: 'red', _kuzzle_info: { author: '-1', updatedAt: null } },
      });
      expect(resultOf(updated ?? {})['_updatedFields']).toEqual(['size']);
      expect(resultOf(left ?? {})).toMatchObject({ _source: { color: 'green', size: 3 }, _updatedFields: ['color'] });
    });

    it('carry the requestId and volatile data of the request that caused them', async () => {
      await subscribe(watcher);
      await writer.request({
        controller: 'document',
        action: 'create',
        index: INDEX,
        collection: COLLECTION,
        _id: 'x',
        body: { color: 'red' },
        requestId: 'cause',
        volatile: { why: 'test' },
      });
      const frame = await watcher.next((candidate) => candidate['type'] === 'document');
      expect(frame).toMatchObject({ requestId: 'cause', volatile: { why: 'test' } });
    });

    it('reach each channel of a room according to its scope', async () => {
      const entering = await subscribe(watcher, { scope: 'in' });
      const leaving = await subscribe(watcher, { scope: 'out' });
      await write('create', 'apple', { color: 'red' });
      await write('delete', 'apple');
      await sleep(50);
      expect(notifications(watcher).map((frame) => [frame['action'], frame['room']])).toEqual([
        ['create', entering.channel],
        ['delete', leaving.channel],
      ]);
    });

    it('are sent for bulk writes too', async () => {
      await subscribe(watcher);
      await writer.request({
        controller: 'document',
        action: 'mCreate',
        index: INDEX,
        collection: COLLECTION,
        body: {
          documents: [
            { _id: 'a', body: { color: 'red' } },
            { _id: 'b', body: { color: 'blue' } },
          ],
        },
      });
      await writer.request({ controller: 'document', action: 'mDelete', index: INDEX, collection: COLLECTION, body: { ids: ['a', 'b'] } });
      await sleep(50);
      expect(notifications(watcher).map((frame) => [frame['action'], resultOf(frame)['_id']])).toEqual([
        ['create', 'a'],
        ['delete', 'a'],
      ]);
    });

    it('publish messages that match, without storing them', async () => {
      await subscribe(watcher);
      const response = await writer.request({
        controller: 'realtime',
        action: 'publish',
        index: INDEX,
        collection: COLLECTION,
        body: { color: 'red', text: 'hi' },
      });
      expect(resultOf(response)).toEqual({ published: true });
      const frame = await watcher.next((candidate) => candidate['type'] === 'document');
      expect(frame).toMatchObject({ action: 'publish', event: 'publish', scope: 'in', controller: 'realtime' });
      expect(resultOf(frame)).toEqual({
        _source: { color: 'red', text: 'hi', _kuzzle_info: { author: '-1', createdAt: expect.any(Number) } },
      });
    });
  });

  describe('user notifications', () => {
    it('tell users:"all" channels who comes and goes, never the newcomer itself', async () => {
      const { roomId } = await subscribe(watcher, { users: 'all', volatile: { who: 'watcher' } });
      await subscribe(writer, { volatile: { who: 'writer' } });
      const entered = await watcher.next((frame) => frame['type'] === 'user');
      expect(Object.keys(entered)).toEqual([
        'type',
        'status',
        'user',
        'result',
        'timestamp',
        'volatile',
        'index',
        'collection',
        'controller',
        'action',
        'protocol',
        'room',
      ]);
      expect(entered).toMatchObject({
        user: 'in',
        result: { count: 2 },
        volatile: { who: 'writer' },
        action: 'subscribe',
        protocol: 'websocket',
      });
      expect(writer.frames.some((frame) => frame['type'] === 'user')).toBe(false);

      expect(resultOf(await watcher.request({ controller: 'realtime', action: 'count', body: { roomId } }))).toEqual({ count: 2 });
      writer.close();
      const left = await watcher.next((frame) => frame['type'] === 'user' && frame['user'] === 'out');
      expect(left).toMatchObject({ result: { count: 1 }, volatile: { who: 'writer' }, action: 'unsubscribe', protocol: null });
    });
  });

  describe('unsubscribe', () => {
    it('leaves every channel the connection holds in the room', async () => {
      const { roomId } = await subscribe(watcher, { scope: 'in' });
      await subscribe(watcher, { scope: 'out' });
      const response = await watcher.request({ controller: 'realtime', action: 'unsubscribe', body: { roomId } });
      expect(resultOf(response)).toEqual({ roomId });
      await write('create', 'apple', { color: 'red' });
      await write('delete', 'apple');
      await sleep(50);
      expect(notifications(watcher)).toEqual([]);
      expect(resultOf(await watcher.request({ controller: 'realtime', action: 'count', body: { roomId } }))).toEqual({ count: 0 });
    });

    it('refuses a room the connection is not in', async () => {
      const response = await watcher.request({ controller: 'realtime', action: 'unsubscribe', body: { roomId: 'nope' } });
      expect(response['error']).toMatchObject({ id: 'core.realtime.not_subscribed', code: 65544, status: 412 });
      const missing = await watcher.request({ controller: 'realtime', action: 'unsubscribe', body: {} });
      expect(missing['error']).toMatchObject({ id: 'api.assert.missing_argument', props: ['body.roomId'] });
    });
  });

  it('lists rooms with their subscriber counts', async () => {
    const { roomId } = await subscribe(watcher);
    expect(resultOf(await writer.request({ controller: 'realtime', action: 'list' }))).toEqual({
      [INDEX]: { [COLLECTION]: { [roomId]: 1 } },
    });
  });
});
