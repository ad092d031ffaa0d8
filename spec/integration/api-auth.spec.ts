import { Kuzzle as SdkKuzzle, WebSocket as SdkWebSocket } from 'kuzzle-sdk';
import { firstValueFrom, lastValueFrom, type Observable, timer, toArray } from 'rxjs';
import { KuzzleError, type Kuzzle } from '../../src';
import { plain } from '../support/compat-runner';
import { client, startTarget, type Target, targetNames } from '../support/targets';

// Every method of the auth controller on the real server, in token mode and in cookie mode, and for a representative
// set, the value kuzzle-sdk 7 resolves to for the same call on the same server. The users are this spec's own, with
// one-word names: the storage stand-in of the test server matches ids word by word.

const word = (prefix: string): string => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

/** What the call emits, checking that it emits exactly once and completes. */
async function once<T>(call: Observable<T>): Promise<T> {
  const values = await lastValueFrom(call.pipe(toArray()));
  expect(values).toHaveLength(1);
  return values[0] as T;
}

async function errorOf(call: Observable<unknown>): Promise<KuzzleError | undefined> {
  return firstValueFrom(call).then(
    () => undefined,
    (error: unknown) => (error instanceof KuzzleError ? error : Promise.reject(error)),
  );
}

/** A JWT's issue time is in seconds: a new token needs a new second. */
const nextSecond = (): Promise<unknown> => firstValueFrom(timer(1100));

describe.runIf(targetNames().includes('real'))('the auth controller on the real server', () => {
  let target: Target;
  let admin: Kuzzle;
  let kuzzle: Kuzzle;
  let sdk: SdkKuzzle;
  let username: string;
  const password = 'rxsecret';

  beforeAll(async () => {
    target = await startTarget('real');
    admin = client(target);
    await firstValueFrom(admin.connect());
  });
  afterAll(async () => {
    admin.disconnect();
    await target.stop();
  });
  beforeEach(async () => {
    username = word('rxauth');
    await firstValueFrom(
      admin.query({
        controller: 'security',
        action: 'createUser',
        _id: username,
        refresh: 'wait_for',
        body: { content: { profileIds: ['default'], name: 'Rx' }, credentials: { local: { username, password } } },
      }),
    );
    kuzzle = client(target);
    await firstValueFrom(kuzzle.connect());
    sdk = new SdkKuzzle(new SdkWebSocket(target.host, { port: target.port }));
    await sdk.connect();
  });
  afterEach(async () => {
    kuzzle.disconnect();
    sdk.disconnect();
    await firstValueFrom(admin.query({ controller: 'security', action: 'deleteUser', _id: username, refresh: 'wait_for' })).catch(
      () => undefined,
    );
  });

  describe('in token mode', () => {
    it('logs in, checks the token and gets the user as kuzzle-sdk does', async () => {
      // Two logins of a user in the same second get the same token: let the two clients' tokens differ.
      const jwt = await sdk.auth.login('local', { username, password }, '1h');
      await nextSecond();
      const login = await once(kuzzle.auth.login('local', { username, password }, '1h'));
      expect(login).toMatchObject({ _id: username, ttl: 3_600_000 });
      expect(kuzzle.jwt).toBe(login.jwt);
      expect(login.jwt).not.toBe(jwt);

      expect(await once(kuzzle.auth.checkToken())).toEqual(plain(await sdk.auth.checkToken(login.jwt)));
      expect(await once(kuzzle.auth.checkToken())).toMatchObject({ valid: true, kuid: username, expiresAt: login.expiresAt });
      expect(await once(kuzzle.auth.checkToken('kauth-nonsense'))).toEqual(plain(await sdk.auth.checkToken('kauth-nonsense')));

      const mine = await once(kuzzle.auth.getCurrentUser());
      const theirs = plain(await sdk.auth.getCurrentUser()) as { _id: string; _source: unknown };
      expect({ _id: mine._id, _source: mine._source }).toEqual({ _id: theirs._id, _source: theirs._source });
      expect(mine).toMatchObject({ profileIds: ['default'], strategies: ['local'] });
    });

    it('reads rights, strategies and credentials as kuzzle-sdk does', async () => {
      await once(kuzzle.auth.login('local', { username, password }));
      await sdk.auth.login('local', { username, password });
      const request = { controller: 'document', action: 'create', index: 'i', collection: 'c' };
      expect(await once(kuzzle.auth.checkRights(request))).toBe(await sdk.auth.checkRights(request));
      expect(await once(kuzzle.auth.getMyRights())).toEqual(plain(await sdk.auth.getMyRights()));
      expect(await once(kuzzle.auth.getStrategies())).toEqual(await sdk.auth.getStrategies());
      expect(await once(kuzzle.auth.credentialsExist('local'))).toBe(await sdk.auth.credentialsExist('local'));
      expect(await once(kuzzle.auth.getMyCredentials('local'))).toEqual(await sdk.auth.getMyCredentials('local'));
      const candidate = { username, password: 'anotherone' };
      expect(await once(kuzzle.auth.validateMyCredentials('local', candidate))).toBe(
        await sdk.auth.validateMyCredentials('local', candidate),
      );
      expect((await errorOf(kuzzle.auth.validateMyCredentials('local', { username })))?.message).toBe('Password required.');
    });

    it('updates the user and its credentials, deletes and recreates them', async () => {
      await once(kuzzle.auth.login('local', { username, password }));
      const updated = await once(kuzzle.auth.updateSelf({ name: 'Changed' }));
      expect(updated).toMatchObject({ _id: username, _source: { name: 'Changed', profileIds: ['default'] }, profileIds: ['default'] });
      await sdk.auth.login('local', { username, password });
      const theirs = plain(await sdk.auth.updateSelf({ name: 'Again' })) as { _source: Record<string, unknown> };
      expect(theirs._source['name']).toBe('Again');

      expect(await once(kuzzle.auth.updateMyCredentials('local', { password: 'changed' }))).toEqual({ username, kuid: username });
      await nextSecond();
      expect(await once(kuzzle.auth.login('local', { username, password: 'changed' }))).toMatchObject({ _id: username });

      expect(await once(kuzzle.auth.deleteMyCredentials('local'))).toBe(true);
      expect(await once(kuzzle.auth.credentialsExist('local'))).toBe(false);
      expect(await once(kuzzle.auth.createMyCredentials('local', { username, password }))).toEqual({ username });
      expect(await once(kuzzle.auth.credentialsExist('local'))).toBe(true);
    });

    it('creates, searches and deletes API keys, whose tokens authenticate, as kuzzle-sdk does', async () => {
      await once(kuzzle.auth.login('local', { username, password }));
      await sdk.auth.login('local', { username, password });
      const key = await once(kuzzle.auth.createApiKey('ci key', { _id: `${username}key`, expiresIn: '1h', refresh: 'wait_for' }));
      expect(key).toMatchObject({ _id: `${username}key`, _source: { description: 'ci key', userId: username, ttl: 3_600_000 } });
      expect(await once(kuzzle.auth.checkToken(key._source.token))).toMatchObject({ valid: true, kuid: username });

      const page = await once(kuzzle.auth.searchApiKeys({}, { size: 10 }));
      const theirs = await sdk.auth.searchApiKeys({}, { size: 10 });
      expect(page.hits).toEqual(plain(theirs.hits));
      expect(page.total).toBe(theirs.total);
      expect(page.hits.map((hit) => hit._id)).toEqual([`${username}key`]);
      expect(page.hits[0]?._source.token).toBeUndefined();
      expect(await once(page.next())).toBeNull();

      expect(await once(kuzzle.auth.deleteApiKey(`${username}key`, { refresh: 'wait_for' }))).toBeNull();
      expect(await once(kuzzle.auth.checkToken(key._source.token))).toMatchObject({ valid: false });
      const other = await sdk.auth.createApiKey('sdk key', { _id: `${username}sdk`, refresh: 'wait_for' });
      expect(await sdk.auth.deleteApiKey(other._id, { refresh: 'wait_for' })).toBeNull();
      expect((await once(kuzzle.auth.searchApiKeys())).hits).toEqual([]);
    });

    it('creates tokens the session does not use', async () => {
      const login = await once(kuzzle.auth.login('local', { username, password }));
      const created = await once(kuzzle.auth.createToken({ expiresIn: '10m', singleUse: true }));
      expect(created).toMatchObject({ singleUse: true, ttl: 600_000 });
      expect(kuzzle.jwt).toBe(login.jwt);
      expect(await once(kuzzle.auth.checkToken(created.token))).toMatchObject({ valid: true, kuid: username });
      expect((await errorOf(kuzzle.auth.createToken({ expiresIn: -1 })))?.id).toBe('security.token.invalid_expiration');
    });

    it('refreshes the token, with or without a strategy, as kuzzle-sdk does', async () => {
      await sdk.auth.login('local', { username, password }, '1h');
      await nextSecond();
      const login = await once(kuzzle.auth.login('local', { username, password }, '1h'));
      await nextSecond();
      const refreshed = await once(kuzzle.auth.refreshToken({ expiresIn: '2h' }));
      const theirs = await sdk.auth.refreshToken({ expiresIn: '2h' });
      expect(Object.keys(refreshed).sort()).toEqual(Object.keys(theirs).sort());
      expect(refreshed).toMatchObject({ _id: username, ttl: 7_200_000 });
      expect(refreshed.jwt).not.toBe(login.jwt);
      expect(kuzzle.jwt).toBe(refreshed.jwt);
      await nextSecond();
      expect(await once(kuzzle.auth.refreshToken({ strategy: 'local' }))).toMatchObject({ _id: username, ttl: 3_600_000 });
      // A strategy that cannot renew the session refuses; the session itself goes on.
      expect((await errorOf(kuzzle.auth.refreshToken({ strategy: 'nosuchstrategy' })))?.id).toBe('security.token.refresh_forbidden');
      expect((await once(kuzzle.auth.getCurrentUser()))._id).toBe(username);
    });

    it('logs out, revoking the token, or every token of the user with global', async () => {
      const login = await once(kuzzle.auth.login('local', { username, password }));
      expect(await once(kuzzle.auth.logout())).toBeUndefined();
      expect(kuzzle.jwt).toBeNull();
      expect((await once(kuzzle.auth.getCurrentUser()))._id).toBe('-1');
      expect(await once(kuzzle.auth.checkToken(login.jwt))).toMatchObject({ valid: false });
      expect((await errorOf(kuzzle.auth.logout()))?.id).toBe('security.rights.unauthorized');

      const elsewhere = await sdk.auth.login('local', { username, password });
      await nextSecond();
      await once(kuzzle.auth.login('local', { username, password }));
      await once(kuzzle.auth.logout({ global: true }));
      expect(await once(kuzzle.auth.checkToken(elsewhere))).toMatchObject({ valid: false });
    });
  });

  describe('in cookie mode', () => {
    let cookies: Kuzzle;

    beforeEach(async () => {
      cookies = client(target, {}, { cookieAuth: true });
      await firstValueFrom(cookies.connect());
    });
    afterEach(() => cookies.disconnect());

    it("checks the cookie's session, not the anonymous one, and a given token as it is", async () => {
      expect(await once(cookies.auth.checkToken())).toMatchObject({ valid: true, kuid: '-1' });
      const login = await once(cookies.auth.login('local', { username, password }, '1h'));
      expect(await once(cookies.auth.checkToken())).toEqual({ valid: true, kuid: username, expiresAt: login.expiresAt });
      const created = await once(cookies.auth.createToken());
      expect(await once(cookies.auth.checkToken(created.token))).toMatchObject({ valid: true, kuid: username });
      expect(await once(cookies.auth.checkToken('kauth-nonsense'))).toMatchObject({ valid: false });
    });

    it("runs every other auth action as the cookie's user, on the reopened socket", async () => {
      await once(cookies.auth.login('local', { username, password }, '1h'));
      expect((await once(cookies.auth.getCurrentUser()))._id).toBe(username);
      expect(await once(cookies.auth.checkRights({ controller: 'server', action: 'now' }))).toBe(true);
      expect((await once(cookies.auth.getMyRights())).length).toBeGreaterThan(0);
      expect(await once(cookies.auth.getStrategies())).toContain('local');
      expect(await once(cookies.auth.credentialsExist('local'))).toBe(true);
      expect(await once(cookies.auth.getMyCredentials('local'))).toEqual({ username, kuid: username });
      expect(await once(cookies.auth.validateMyCredentials('local', { username, password }))).toBe(true);
      expect(await once(cookies.auth.updateSelf({ name: 'Cookie' }))).toMatchObject({ _id: username, _source: { name: 'Cookie' } });
      expect(await once(cookies.auth.updateMyCredentials('local', { password }))).toEqual({ username, kuid: username });
      const key = await once(cookies.auth.createApiKey('cookie key', { _id: `${username}ck` }));
      expect(key._source.userId).toBe(username);
      expect((await once(cookies.auth.searchApiKeys())).hits.map((hit) => hit._id)).toEqual([`${username}ck`]);
      expect(await once(cookies.auth.deleteApiKey(`${username}ck`))).toBeNull();
      expect((await once(cookies.auth.createToken())).token).toMatch(/^kauth-/);
    });

    it('refreshes the cookie with a strategy and an expiry, then logs out for good', async () => {
      await once(cookies.auth.login('local', { username, password }, '1h'));
      await nextSecond();
      const refreshed = await once(cookies.auth.refreshToken({ expiresIn: '2h', strategy: 'local' }));
      expect(refreshed).toMatchObject({ _id: username, ttl: 7_200_000 });
      expect(refreshed.jwt).toBeUndefined();
      expect(await once(cookies.auth.checkToken())).toMatchObject({ valid: true, kuid: username, expiresAt: refreshed.expiresAt });
      expect(await once(cookies.auth.logout())).toBeUndefined();
      expect(await once(cookies.auth.checkToken())).toMatchObject({ valid: true, kuid: '-1' });
      expect((await once(cookies.auth.getCurrentUser()))._id).toBe('-1');
    });
  });
});
