import { EmbeddedKuzzleServer } from '../../src/testing';
import { WsClient, type Frame } from '../unit/testing/ws-client';

/**
 * Runs the same exchanges against the embedded server and the real one (KUZZLE_URL) and compares the
 * frames' shapes: keys in order, recursively, and value types. Values (ids, timestamps, tokens) differ.
 */

const REAL_URL = process.env['KUZZLE_URL'];
// One word: the real test rig's storage stand-in matches user ids word by word, so 'emb-a' would find 'emb-b'.
const USER = { username: 'embparityuser', password: 'embparitypassword' };

type Shape = string | Shape[] | { [key: string]: Shape };

/** The shape of a JSON value; `stack` is dropped from errors (the real test server runs in development mode). */
function shapeOf(value: unknown): Shape {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.map(shapeOf);
  if (typeof value === 'object') {
    const shape: Record<string, Shape> = {};
    for (const [key, member] of Object.entries(value)) {
      if (key !== 'stack') shape[key] = shapeOf(member);
    }
    return shape;
  }
  return typeof value;
}

/** Like `shapeOf`, but object keys are listed in order, so `toEqual` also checks key order. */
function orderedShape(value: unknown): unknown {
  const shape = shapeOf(value);
  const order = (node: Shape): unknown =>
    typeof node === 'string'
      ? node
      : Array.isArray(node)
        ? node.map(order)
        : Object.entries(node).map(([key, inner]) => [key, order(inner)]);
  return order(shape);
}

interface Exchange {
  readonly frames: Record<string, unknown>;
  readonly texts: Record<string, string>;
}

async function ensureRealUser(url: string): Promise<void> {
  const admin = await WsClient.open(url);
  const found = await admin.request({ controller: 'security', action: 'getUser', _id: USER.username });
  if (found['status'] !== 200) {
    const created = await admin.request({
      controller: 'security',
      action: 'createUser',
      _id: USER.username,
      refresh: 'wait_for',
      body: { content: { profileIds: ['default'] }, credentials: { local: USER } },
    });
    expect(created['status']).toBe(200);
  }
  admin.close();
}

const isType =
  (type: string, extra: (frame: Frame) => boolean = () => true) =>
  (frame: Frame): boolean =>
    frame['type'] === type && extra(frame);

async function exchange(url: string, httpUrl: string, index: string): Promise<Exchange> {
  const frames: Record<string, unknown> = {};
  const texts: Record<string, string> = {};
  const a = await WsClient.open(url);
  const b = await WsClient.open(url);
  try {
    a.send('{"p":1}');
    texts['pong'] = await a.nextText('{"p":2}');
    frames['now'] = await a.request({ controller: 'server', action: 'now' });
    a.send('this is not JSON');
    frames['notJson'] = await a.next((frame) => frame['room'] === undefined && frame['status'] === 400);
    frames['indexCreate'] = await a.request({ controller: 'index', action: 'create', index });
    frames['collectionCreate'] = await a.request({ controller: 'collection', action: 'create', index, collection: 'c' });
    frames['missingDocument'] = await a.request({ controller: 'document', action: 'get', index, collection: 'c', _id: 'nope' });
    frames['unknownAction'] = await a.request({ controller: 'document', action: 'nope', index, collection: 'c' });
    frames['unknownController'] = await a.request({ controller: 'nope', action: 'x' });
    frames['unknownSecurityAction'] = await a.request({ controller: 'security', action: 'nope' });
    frames['emptyAction'] = await a.request({ controller: 'document', action: '' });

    const login = await b.request({ controller: 'auth', action: 'login', strategy: 'local', body: USER, expiresIn: '1h' });
    frames['login'] = login;
    const jwt = String((login['result'] as Frame)['jwt']);
    frames['checkToken'] = await b.request({ controller: 'auth', action: 'checkToken', body: { token: jwt } });
    frames['getCurrentUser'] = await b.request({ controller: 'auth', action: 'getCurrentUser', jwt });
    frames['invalidToken'] = await b.request({ controller: 'server', action: 'now', jwt: `${jwt}x` });

    const filters = { equals: { color: 'red' } };
    frames['subscribe'] = await a.request({
      controller: 'realtime',
      action: 'subscribe',
      index,
      collection: 'c',
      body: filters,
      users: 'all',
      volatile: { who: 'a' },
    });
    const roomId = String(((frames['subscribe'] as Frame)['result'] as Frame)['roomId']);
    frames['subscribeB'] = await b.request({
      controller: 'realtime',
      action: 'subscribe',
      index,
      collection: 'c',
      body: filters,
      users: 'all',
      scope: 'in',
      volatile: { who: 'b' },
      jwt,
    });
    frames['userIn'] = await a.next(isType('user', (frame) => frame['user'] === 'in'));
    frames['count'] = await a.request({ controller: 'realtime', action: 'count', body: { roomId } });

    frames['create'] = await b.request({
      controller: 'document',
      action: 'create',
      index,
      collection: 'c',
      _id: 'd1',
      body: { color: 'red' },
      volatile: { step: 'create' },
    });
    frames['createNotification'] = await a.next(isType('document', (frame) => frame['action'] === 'create'));
    frames['update'] = await b.request({ controller: 'document', action: 'update', index, collection: 'c', _id: 'd1', body: { size: 3 } });
    frames['updateNotification'] = await a.next(isType('document', (frame) => frame['action'] === 'update'));
    frames['leave'] = await b.request({
      controller: 'document',
      action: 'update',
      index,
      collection: 'c',
      _id: 'd1',
      body: { color: 'blue' },
    });
    frames['leaveNotification'] = await a.next(isType('document', (frame) => frame['scope'] === 'out' && frame['action'] === 'update'));
    frames['replace'] = await b.request({
      controller: 'document',
      action: 'replace',
      index,
      collection: 'c',
      _id: 'd1',
      body: { color: 'red' },
    });
    frames['replaceNotification'] = await a.next(isType('document', (frame) => frame['action'] === 'replace'));
    frames['delete'] = await b.request({ controller: 'document', action: 'delete', index, collection: 'c', _id: 'd1' });
    frames['deleteNotification'] = await a.next(isType('document', (frame) => frame['action'] === 'delete'));
    frames['publish'] = await b.request({
      controller: 'realtime',
      action: 'publish',
      index,
      collection: 'c',
      body: { color: 'red', text: 'hi' },
    });
    frames['publishNotification'] = await a.next(isType('document', (frame) => frame['action'] === 'publish'));
    frames['mCreate'] = await b.request({
      controller: 'document',
      action: 'mCreate',
      index,
      collection: 'c',
      body: { documents: [{ _id: 'm1', body: { color: 'red' } }] },
    });
    frames['search'] = await b.request({
      controller: 'document',
      action: 'search',
      index,
      collection: 'c',
      body: { query: { match_all: {} } },
    });

    frames['unsubscribeB'] = await b.request({ controller: 'realtime', action: 'unsubscribe', body: { roomId } });
    frames['userOut'] = await a.next(isType('user', (frame) => frame['user'] === 'out'));

    // A short-lived token on a subscribed socket: the expiry notice, then the subscription is gone. A fresh
    // socket, because the real server mishandles a shorter-lived re-login on a socket that already has a token.
    const c = await WsClient.open(url);
    try {
      const shortLived = await c.request({ controller: 'auth', action: 'login', strategy: 'local', body: USER, expiresIn: '2s' });
      const shortJwt = String((shortLived['result'] as Frame)['jwt']);
      await c.request({ controller: 'realtime', action: 'subscribe', index, collection: 'c', body: filters, jwt: shortJwt });
      const seen = a.frames.length;
      texts['tokenExpired'] = await c.nextText(
        '{"status":200,"info":"This is an automated server notification","message":"Authentication Token Expired","type":"TokenExpired","room":"kuzzle:notification:server"}',
        6000,
      );
      frames['expiredUserOut'] = await a.next(
        isType('user', (frame) => frame['user'] === 'out'),
        5000,
        seen,
      );
      frames['afterExpiry'] = await c.request({ controller: 'server', action: 'now', jwt: shortJwt });
    } finally {
      c.close();
    }

    const response = await fetch(`${httpUrl}/_login/local?cookieAuth=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://parity.test' },
      body: JSON.stringify(USER),
    });
    frames['httpLogin'] = await response.json();
    const cookie = response.headers.getSetCookie()[0] ?? '';
    texts['cookie'] = cookie.replace(
      /^authToken=kauth-[\w.-]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Strict$/,
      'authToken=<jwt>; Path=/; Expires=<date>; HttpOnly; SameSite=Strict',
    );
    texts['cors'] = ['access-control-allow-origin', 'access-control-allow-credentials', 'vary']
      .map((name) => `${name}: ${response.headers.get(name)}`)
      .join('\n');
    const me = await fetch(`${httpUrl}/_me`, { headers: { cookie: cookie.split(';')[0] ?? '' } });
    frames['httpMe'] = await me.json();
    return { frames, texts };
  } finally {
    await a.request({ controller: 'index', action: 'delete', index }).catch(() => undefined);
    a.close();
    b.close();
  }
}

describe.skipIf(!REAL_URL)('embedded server parity with a real Kuzzle', () => {
  let embedded: Exchange;
  let real: Exchange;

  beforeAll(async () => {
    const url = REAL_URL ?? '';
    const realHttp = url.replace(/^ws/, 'http');
    await ensureRealUser(url);
    const index = `emb-parity-${Date.now().toString(36)}`;
    const server = await EmbeddedKuzzleServer.start({ users: [USER] });
    try {
      embedded = await exchange(server.url, server.httpUrl, index);
    } finally {
      await server.stop();
    }
    real = await exchange(url, realHttp, index);
  }, 60_000);

  const steps = [
    'now',
    'notJson',
    'indexCreate',
    'collectionCreate',
    'missingDocument',
    'unknownAction',
    'unknownController',
    'unknownSecurityAction',
    'emptyAction',
    'login',
    'checkToken',
    'getCurrentUser',
    'invalidToken',
    'subscribe',
    'subscribeB',
    'userIn',
    'count',
    'create',
    'createNotification',
    'update',
    'updateNotification',
    'leave',
    'leaveNotification',
    'replace',
    'replaceNotification',
    'delete',
    'deleteNotification',
    'publish',
    'publishNotification',
    'mCreate',
    'search',
    'unsubscribeB',
    'userOut',
    'expiredUserOut',
    'afterExpiry',
    'httpLogin',
    'httpMe',
  ];

  it.each(steps)('gives "%s" the shape the real server gives it', (step) => {
    expect(embedded.frames[step]).toBeDefined();
    expect(orderedShape(embedded.frames[step])).toEqual(orderedShape(real.frames[step]));
  });

  it('answers the same error ids and statuses', () => {
    for (const step of ['notJson', 'missingDocument', 'invalidToken', 'afterExpiry']) {
      const error = (frame: unknown): unknown => {
        const { id, code, status, message } = (frame as { error: Frame }).error;
        return { id, code, status, message: step === 'notJson' ? 'varies' : message };
      };
      expect(error(embedded.frames[step])).toEqual(error(real.frames[step]));
    }
  });

  it.each(['unknownAction', 'unknownController', 'unknownSecurityAction', 'emptyAction'])('answers "%s" with the same error', (step) => {
    const error = (frame: unknown): unknown => {
      const { stack: _stack, ...rest } = (frame as { error: Frame }).error;
      return rest;
    };
    expect(error(embedded.frames[step])).toEqual(error(real.frames[step]));
  });

  it('names channels with the same suffixes', () => {
    const suffix = (step: string): string =>
      String(((embedded.frames[step] as Frame)['result'] as Frame)['channel'])
        .split('-')
        .pop() ?? '';
    const realSuffix = (step: string): string =>
      String(((real.frames[step] as Frame)['result'] as Frame)['channel'])
        .split('-')
        .pop() ?? '';
    expect([suffix('subscribe'), suffix('subscribeB')]).toEqual([realSuffix('subscribe'), realSuffix('subscribeB')]);
  });

  it.each(['pong', 'tokenExpired', 'cookie', 'cors'])('sends the same "%s" text', (step) => {
    expect(embedded.texts[step]).toBe(real.texts[step]);
  });
});
