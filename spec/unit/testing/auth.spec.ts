import { EmbeddedKuzzleServer } from '../../../src/testing';
import { serverFixture, sleep, WsClient, type Frame } from './ws-client';

const USER = { username: 'alice', password: 'secret', _id: 'kuid-alice', content: { name: 'Alice' } };
const TOKEN_EXPIRED =
  '{"status":200,"info":"This is an automated server notification","message":"Authentication Token Expired","type":"TokenExpired","room":"kuzzle:notification:server"}';

const resultOf = (frame: Frame): Record<string, unknown> => frame['result'] as Record<string, unknown>;

describe('EmbeddedKuzzleServer authentication', () => {
  const fixture = serverFixture({ users: [USER], loginsPerSecond: 0 });
  const { open } = fixture;
  const login = async (client: WsClient, extra: Frame = {}): Promise<string> => {
    const response = await client.request({
      controller: 'auth',
      action: 'login',
      strategy: 'local',
      body: { username: USER.username, password: USER.password },
      ...extra,
    });
    expect(response['error']).toBeNull();
    return String(resultOf(response)['jwt']);
  };

  describe('login', () => {
    it('answers { _id, expiresAt, jwt, ttl } with a kauth- JWT whose iat and exp are in seconds', async () => {
      const client = await open();
      const before = Date.now();
      const response = await client.request({ controller: 'auth', action: 'login', strategy: 'local', body: USER, expiresIn: '2h' });
      const result = resultOf(response);
      expect(Object.keys(result)).toEqual(['_id', 'expiresAt', 'jwt', 'ttl']);
      expect(result).toMatchObject({ _id: 'kuid-alice', ttl: 7_200_000 });
      expect(Number(result['expiresAt'])).toBeGreaterThanOrEqual(before + 7_200_000);
      const jwt = String(result['jwt']);
      expect(jwt.startsWith('kauth-')).toBe(true);
      const claims = JSON.parse(Buffer.from(jwt.slice(6).split('.')[1] ?? '', 'base64url').toString()) as {
        _id: string;
        iat: number;
        exp: number;
      };
      expect(claims._id).toBe('kuid-alice');
      expect(claims.exp - claims.iat).toBe(7200);
    });

    it('uses the default ttl when no expiresIn is given', async () => {
      const client = await open();
      const response = await client.request({ controller: 'auth', action: 'login', strategy: 'local', body: USER });
      expect(resultOf(response)['ttl']).toBe(3_600_000);
    });

    it('refuses wrong or missing credentials with the real error', async () => {
      const client = await open();
      const wrong = await client.request({
        controller: 'auth',
        action: 'login',
        strategy: 'local',
        body: { username: 'alice', password: 'nope' },
      });
      expect(wrong['error']).toEqual({
        code: 67305492,
        id: 'plugin.strategy.missing_user',
        message: 'wrong username or password',
        props: ['wrong username or password'],
        status: 401,
      });
      const missing = await client.request({ controller: 'auth', action: 'login', strategy: 'local', body: { username: 'alice' } });
      expect(missing['error']).toMatchObject({ id: 'plugin.strategy.missing_user', message: 'Missing credentials' });
    });

    it('requires a known strategy and a parsable expiresIn', async () => {
      const client = await open();
      expect((await client.request({ controller: 'auth', action: 'login', body: USER }))['error']).toMatchObject({
        id: 'api.assert.missing_argument',
        props: ['strategy'],
      });
      expect((await client.request({ controller: 'auth', action: 'login', strategy: 'oauth', body: USER }))['error']).toMatchObject({
        id: 'security.credentials.unknown_strategy',
        status: 400,
      });
      expect(
        (await client.request({ controller: 'auth', action: 'login', strategy: 'local', body: USER, expiresIn: 'soon' }))['error'],
      ).toMatchObject({
        id: 'api.assert.invalid_argument',
        props: ['expiresIn', 'a number of milliseconds, or a parsable timespan string'],
      });
    });

    it('limits logins per connection and per second (429)', async () => {
      const limited = await EmbeddedKuzzleServer.start({ users: [USER] });
      const client = await WsClient.open(limited.url);
      try {
        // Three at once: the one-second window may roll over once in between, not twice.
        const burst = await Promise.all(
          [1, 2, 3].map(() => client.request({ controller: 'auth', action: 'login', strategy: 'local', body: USER })),
        );
        const refused = burst.filter((response) => response['status'] === 429);
        expect(refused.length).toBeGreaterThanOrEqual(1);
        expect(refused[0]?.['error']).toMatchObject({ id: 'api.process.too_many_logins_requests', code: 33685517, status: 429 });
        const other = await WsClient.open(limited.url);
        expect((await other.request({ controller: 'auth', action: 'login', strategy: 'local', body: USER }))['error']).toBeNull();
        other.close();
        await sleep(1100);
        expect((await client.request({ controller: 'auth', action: 'login', strategy: 'local', body: USER }))['error']).toBeNull();
      } finally {
        client.close();
        await limited.stop();
      }
    });
  });

  describe('checkToken and getCurrentUser', () => {
    it('describes a valid, an invalid and an absent token like the real server', async () => {
      const client = await open();
      const jwt = await login(client);
      expect(resultOf(await client.request({ controller: 'auth', action: 'checkToken', body: { token: jwt } }))).toEqual({
        expiresAt: expect.any(Number),
        kuid: 'kuid-alice',
        valid: true,
      });
      expect(resultOf(await client.request({ controller: 'auth', action: 'checkToken', body: { token: 'garbage' } }))).toEqual({
        state: 'Invalid token.',
        valid: false,
      });
      expect(resultOf(await client.request({ controller: 'auth', action: 'checkToken', body: {} }))).toEqual({
        expiresAt: null,
        kuid: '-1',
        valid: true,
      });
    });

    it('returns the user with its strategies, or the anonymous user', async () => {
      const client = await open();
      const jwt = await login(client);
      const user = resultOf(await client.request({ controller: 'auth', action: 'getCurrentUser', jwt }));
      expect(user).toEqual({
        _id: 'kuid-alice',
        _source: {
          profileIds: ['default'],
          name: 'Alice',
          _kuzzle_info: { createdAt: expect.any(Number), updatedAt: null, updater: null },
        },
        strategies: ['local'],
      });
      const anonymous = resultOf(await client.request({ controller: 'auth', action: 'getCurrentUser' }));
      expect(anonymous).toEqual({ _id: '-1', _source: { profileIds: ['anonymous'], name: 'Anonymous' }, strategies: [[]] });
    });

    it('refuses an unknown jwt with security.token.invalid', async () => {
      const client = await open();
      const response = await client.request({ controller: 'server', action: 'now', jwt: 'kauth-forged' });
      expect(response['error']).toEqual({
        code: 117506049,
        id: 'security.token.invalid',
        message: 'Invalid token.',
        props: [],
        status: 401,
      });
    });
  });

  describe('logout', () => {
    it('revokes the token', async () => {
      const client = await open();
      const jwt = await login(client);
      expect(resultOf(await client.request({ controller: 'auth', action: 'logout', jwt }))).toEqual({ acknowledged: true });
      expect((await client.request({ controller: 'server', action: 'now', jwt }))['error']).toMatchObject({ id: 'security.token.invalid' });
    });

    it('needs a user', async () => {
      const client = await open();
      const response = await client.request({ controller: 'auth', action: 'logout' });
      expect(response['error']).toMatchObject({
        id: 'security.rights.unauthorized',
        code: 117637121,
        status: 401,
        props: ['auth', 'logout'],
      });
    });

    it('silently takes the subscriptions of the other sockets that used the token', async () => {
      const [first, second] = [await open(), await open()];
      const jwt = await login(first);
      await second.request({ controller: 'realtime', action: 'subscribe', index: 'i', collection: 'c', body: {}, jwt });
      await first.request({ controller: 'auth', action: 'logout', jwt });
      await first.request({ controller: 'realtime', action: 'publish', index: 'i', collection: 'c', body: { a: 1 } });
      await sleep(100);
      expect(second.texts.some((text) => text.includes('"type"'))).toBe(false);
    });
  });

  describe('refreshToken', () => {
    it('issues a new token; the old one lives 1 s more, then dies', async () => {
      const client = await open();
      const old = await login(client, { expiresIn: '1h' });
      await sleep(1000);
      const response = await client.request({ controller: 'auth', action: 'refreshToken', jwt: old, expiresIn: '2h' });
      const fresh = String(resultOf(response)['jwt']);
      expect(fresh).not.toBe(old);
      expect(resultOf(response)['ttl']).toBe(7_200_000);
      expect((await client.request({ controller: 'server', action: 'now', jwt: old }))['status']).toBe(200);
      expect((await client.request({ controller: 'auth', action: 'refreshToken', jwt: old }))['error']).toMatchObject({
        id: 'security.token.invalid',
      });
      await sleep(1100);
      expect((await client.request({ controller: 'server', action: 'now', jwt: old }))['error']).toMatchObject({
        id: 'security.token.invalid',
      });
      expect((await client.request({ controller: 'server', action: 'now', jwt: fresh }))['status']).toBe(200);
    });

    it('needs a user', async () => {
      const client = await open();
      expect((await client.request({ controller: 'auth', action: 'refreshToken' }))['error']).toMatchObject({
        id: 'security.rights.unauthorized',
      });
    });
  });

  describe('token expiry', () => {
    it('notifies every socket that used the token, ends their subscriptions and tells the other subscribers', async () => {
      const [owner, user, watcher] = [await open(), await open(), await open()];
      const jwt = await login(owner, { expiresIn: 400 });
      await owner.request({
        controller: 'realtime',
        action: 'subscribe',
        index: 'i',
        collection: 'c',
        body: {},
        jwt,
        volatile: { who: 'owner' },
      });
      await user.request({ controller: 'server', action: 'now', jwt });
      await watcher.request({ controller: 'realtime', action: 'subscribe', index: 'i', collection: 'c', body: {}, users: 'all' });

      await owner.nextText(TOKEN_EXPIRED, 2000);
      await user.nextText(TOKEN_EXPIRED, 2000);
      const left = await watcher.next((frame) => frame['type'] === 'user' && frame['user'] === 'out');
      expect(left).toMatchObject({ action: 'unsubscribe', protocol: null, result: { count: 1 }, volatile: { who: 'owner' } });

      await watcher.request({ controller: 'realtime', action: 'publish', index: 'i', collection: 'c', body: { after: true } });
      await sleep(100);
      expect(owner.texts.some((text) => text.includes('"publish"'))).toBe(false);
      expect((await owner.request({ controller: 'server', action: 'now', jwt }))['error']).toMatchObject({ id: 'security.token.invalid' });
      expect(watcher.texts).not.toContain(TOKEN_EXPIRED);
    });

    it('expireToken() has the consequences of a natural expiry', async () => {
      const client = await open();
      const jwt = await login(client);
      await client.request({ controller: 'realtime', action: 'subscribe', index: 'i', collection: 'c', body: {}, jwt });
      fixture.server.expireToken(jwt);
      await client.nextText(TOKEN_EXPIRED);
      expect((await client.request({ controller: 'auth', action: 'checkToken', body: { token: jwt } }))['result']).toEqual({
        state: 'Invalid token.',
        valid: false,
      });
      const count = await client.request({ controller: 'realtime', action: 'count', body: { roomId: 'x' } });
      expect(count['result']).toEqual({ count: 0 });
    });
  });

  describe('cookie-authenticated sockets', () => {
    it('authenticate every request with the cookie of the upgrade, and refuse a jwt on top of it', async () => {
      const probe = await open();
      const jwt = await login(probe);
      const client = await open({ cookie: `other=1; authToken=${jwt}` });
      expect(resultOf(await client.request({ controller: 'auth', action: 'getCurrentUser' }))['_id']).toBe('kuid-alice');
      const both = await client.request({ controller: 'auth', action: 'getCurrentUser', jwt });
      expect(both['error']).toEqual({
        code: 117506055,
        id: 'security.token.verification_error',
        message: 'Error verifying token: Both token and cookie are present, could not decide which one to use',
        props: ['Both token and cookie are present, could not decide which one to use'],
        status: 500,
      });
    });

    it('treat the cookie value "null" as no cookie', async () => {
      const client = await open({ cookie: 'authToken=null' });
      expect(resultOf(await client.request({ controller: 'auth', action: 'getCurrentUser' }))['_id']).toBe('-1');
    });
  });

  describe('anonymousRights', () => {
    it('"restricted" leaves anonymous only server actions, login, checkToken and getCurrentUser', async () => {
      const restricted = await EmbeddedKuzzleServer.start({ users: [USER], anonymousRights: 'restricted' });
      const client = await WsClient.open(restricted.url);
      try {
        expect((await client.request({ controller: 'server', action: 'now' }))['status']).toBe(200);
        const denied = await client.request({ controller: 'realtime', action: 'publish', index: 'i', collection: 'c', body: {} });
        expect(denied['error']).toMatchObject({ id: 'security.rights.unauthorized', props: ['realtime', 'publish'] });
        const jwt = String(resultOf(await client.request({ controller: 'auth', action: 'login', strategy: 'local', body: USER }))['jwt']);
        expect(
          (await client.request({ controller: 'realtime', action: 'publish', index: 'i', collection: 'c', body: {}, jwt }))['status'],
        ).toBe(200);
      } finally {
        client.close();
        await restricted.stop();
      }
    });
  });
});
