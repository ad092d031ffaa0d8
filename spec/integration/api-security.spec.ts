import { Kuzzle as SdkKuzzle, WebSocket as SdkWebSocket } from 'kuzzle-sdk';
import { firstValueFrom, lastValueFrom, type Observable, toArray } from 'rxjs';
import type { Kuzzle } from '../../src/client/kuzzle';
import type { SecurityProfile, SecurityUser } from '../../src/controllers/security/types';
import { allHits, allPages } from '../../src';
import { client, startTarget, targetNames, uniqueName, type Target } from '../support/targets';

/**
 * The security controller against the real server, each value compared with what kuzzle-sdk 7 resolves for the same
 * call where both have the call. Never run here: `createFirstAdmin` and `restrictDefaultRights`, which would take
 * the anonymous user's rights away from every other spec (their frames are checked in the catalogue).
 */

// One word per id: the storage stand-in of the real test server matches ids word by word.
const word = (prefix: string): string => uniqueName(prefix).replace(/-/g, '');
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const PASSWORD = 'rxSecret1';

interface SdkUser {
  readonly _id: string;
  readonly _source: Record<string, unknown>;
  readonly profileIds: readonly string[];
}
/** kuzzle-sdk's User as the data kuzzle-rx emits: its `profileIds` getter read, its `content` alias left out. */
const sdkUser = (u: SdkUser): unknown => plain({ _id: u._id, _source: u._source, profileIds: u.profileIds });
const rxUser = (u: SecurityUser): unknown => plain({ _id: u._id, _source: u._source, profileIds: u.profileIds });

describe.runIf(targetNames().includes('real'))('security controller on the real server', () => {
  let target: Target;
  let kuzzle: Kuzzle;
  let sdk: SdkKuzzle;
  const users = new Set<string>();
  const profiles = new Set<string>();
  const roles = new Set<string>();

  const call = <T>(source: Observable<T>): Promise<T> => firstValueFrom(source);
  const newUser = async (credentials = true): Promise<string> => {
    const id = word('rxsecu');
    users.add(id);
    await call(
      kuzzle.security.createUser(id, {
        content: { profileIds: ['default'], nickname: id },
        ...(credentials ? { credentials: { local: { username: id, password: PASSWORD } } } : {}),
      }),
    );
    return id;
  };

  beforeAll(async () => {
    target = await startTarget('real');
    kuzzle = client(target);
    await firstValueFrom(kuzzle.connect());
    sdk = new SdkKuzzle(new SdkWebSocket(target.host, { port: target.port }));
    await sdk.connect();
  });

  afterAll(async () => {
    const quietly = (p: Promise<unknown>): Promise<unknown> => p.catch(() => undefined);
    for (const id of users) await quietly(call(kuzzle.security.deleteUser(id)));
    for (const id of profiles) await quietly(call(kuzzle.security.deleteProfile(id, { onAssignedUsers: 'remove' })));
    for (const id of roles) await quietly(call(kuzzle.security.deleteRole(id)));
    kuzzle.disconnect();
    sdk.disconnect();
  });

  it('creates, reads, changes and deletes users, emitting what kuzzle-sdk resolves', async () => {
    const id = word('rxsecu');
    users.add(id);
    const created = await call(
      kuzzle.security.createUser(id, {
        content: { profileIds: ['default'], nickname: 'Ann' },
        credentials: { local: { username: id, password: PASSWORD } },
      }),
    );
    expect(created).toMatchObject({ _id: id, _source: { profileIds: ['default'], nickname: 'Ann' }, profileIds: ['default'] });
    expect(Object.isFrozen(created)).toBe(true);

    expect(rxUser(await call(kuzzle.security.getUser(id)))).toEqual(sdkUser(await sdk.security.getUser(id)));
    expect((await call(kuzzle.security.mGetUsers([id, word('rxsecmissing')]))).map(rxUser)).toEqual(
      (await sdk.security.mGetUsers([id])).map(sdkUser),
    );

    const updated = await call(kuzzle.security.updateUser(id, { age: 30 }, { retryOnConflict: 2 }));
    expect(updated._source).toMatchObject({ nickname: 'Ann', age: 30 });
    const replaced = await call(kuzzle.security.replaceUser(id, { profileIds: ['default'], nickname: 'Bea' }));
    expect(replaced._source).toMatchObject({ nickname: 'Bea' });
    expect(replaced._source).not.toHaveProperty('age');
    const upserted = await call(
      kuzzle.security.upsertUser(id, { content: { profileIds: ['default'], age: 31 }, default: { nickname: 'unused' } }),
    );
    expect(upserted._source).toMatchObject({ nickname: 'Bea', age: 31 });

    const fresh = word('rxsecu');
    users.add(fresh);
    const inserted = await call(
      kuzzle.security.upsertUser(fresh, { content: { profileIds: ['default'], age: 5 }, default: { nickname: 'Cy' } }),
    );
    expect(inserted).toMatchObject({ _id: fresh, _source: { age: 5, nickname: 'Cy' }, profileIds: ['default'] });

    expect(await call(kuzzle.security.getUserStrategies(id))).toEqual(await sdk.security.getUserStrategies(id));
    expect(await call(kuzzle.security.getUserStrategies(id))).toEqual(['local']);
    expect(await call(kuzzle.security.getUserRights(id))).toEqual(await sdk.security.getUserRights(id));
    const request = { controller: 'document', action: 'create', index: 'shop', collection: 'orders' };
    expect(await call(kuzzle.security.checkRights(id, request))).toBe(await sdk.security.checkRights(id, request));

    expect(await call(kuzzle.security.deleteUser(id))).toEqual({ _id: id });
    await expect(call(kuzzle.security.getUser(id))).rejects.toMatchObject({ name: 'KuzzleError', id: 'security.user.not_found' });
    expect(await call(kuzzle.security.mDeleteUsers([fresh]))).toEqual([fresh]);
    await expect(call(kuzzle.security.mDeleteUsers([fresh]))).rejects.toMatchObject({ name: 'KuzzleError', status: 206 });
  });

  it("creates restricted users with the server's restricted profiles, and refuses them profiles of their own", async () => {
    const id = word('rxsecr');
    users.add(id);
    const restricted = await call(kuzzle.security.createRestrictedUser({ content: { nickname: 'Dee' } }, id));
    expect(restricted).toMatchObject({ _id: id, _source: { nickname: 'Dee' }, profileIds: ['default'] });
    await expect(call(kuzzle.security.createRestrictedUser({ content: { profileIds: ['admin'] } }, word('rxsecr')))).rejects.toMatchObject({
      id: 'api.assert.forbidden_argument',
    });
  });

  it('revokes the tokens of a user', async () => {
    const id = await newUser();
    const session = client(target);
    await firstValueFrom(session.connect());
    const { jwt } = await call(session.auth.login('local', { username: id, password: PASSWORD }));
    session.disconnect();
    expect(await call(kuzzle.auth.checkToken(jwt))).toMatchObject({ valid: true });
    expect(await call(kuzzle.security.revokeTokens(id))).toBeUndefined();
    expect(await call(kuzzle.auth.checkToken(jwt))).toMatchObject({ valid: false });
  });

  it('creates, reads, changes and deletes roles and profiles, emitting what kuzzle-sdk resolves', async () => {
    const role = word('rxsecrole');
    roles.add(role);
    const controllers = { document: { actions: { get: true } } };
    expect(await call(kuzzle.security.createRole(role, { controllers }))).toEqual({ _id: role, controllers });
    await expect(call(kuzzle.security.createRole(role, { controllers }))).rejects.toMatchObject({ name: 'KuzzleError' });
    const wider = { document: { actions: { get: true, search: true } } };
    expect(await call(kuzzle.security.createOrReplaceRole(role, { controllers: wider }))).toEqual({ _id: role, controllers: wider });
    expect(plain(await call(kuzzle.security.updateRole(role, { controllers }, { retryOnConflict: 1 })))).toEqual(
      plain({ _id: role, controllers }),
    );
    expect(plain(await call(kuzzle.security.getRole(role)))).toEqual(plain(await sdk.security.getRole(role)));
    expect(plain(await call(kuzzle.security.mGetRoles([role, 'default'])))).toEqual(plain(await sdk.security.mGetRoles([role, 'default'])));

    const profile = word('rxsecprof');
    profiles.add(profile);
    const policies = [{ roleId: role }];
    const created = await call(kuzzle.security.createProfile(profile, { policies }));
    expect(created).toMatchObject({ _id: profile, policies, rateLimit: 0 });
    expect(await call(kuzzle.security.createOrReplaceProfile(profile, { policies, rateLimit: 3 }))).toMatchObject({ rateLimit: 3 });
    expect(await call(kuzzle.security.updateProfile(profile, { rateLimit: 7 }))).toMatchObject({ _id: profile, policies, rateLimit: 7 });
    expect(plain(await call(kuzzle.security.getProfile(profile)))).toEqual(plain(await sdk.security.getProfile(profile)));
    expect(plain(await call(kuzzle.security.mGetProfiles([profile])))).toEqual(plain(await sdk.security.mGetProfiles([profile])));
    expect(await call(kuzzle.security.getProfileRights(profile))).toEqual(await sdk.security.getProfileRights(profile));
    expect(await call(kuzzle.security.getProfileRights(profile))).toEqual([
      { controller: 'document', action: 'get', index: '*', collection: '*', value: 'allowed' },
    ]);

    // A profile in use: refused, unless taken off its users.
    const id = word('rxsecu');
    users.add(id);
    await call(kuzzle.security.createUser(id, { content: { profileIds: [profile] } }));
    await expect(call(kuzzle.security.deleteProfile(profile))).rejects.toMatchObject({ name: 'KuzzleError' });
    expect(await call(kuzzle.security.deleteProfile(profile, { onAssignedUsers: 'remove' }))).toEqual({ _id: profile });
    expect((await call(kuzzle.security.getUser(id))).profileIds).toEqual(['anonymous']);

    const other = word('rxsecprof');
    profiles.add(other);
    await call(kuzzle.security.createProfile(other, { policies }));
    expect(await call(kuzzle.security.mDeleteProfiles([other]))).toEqual([other]);
    expect(await call(kuzzle.security.deleteRole(role))).toEqual({ _id: role });
    const spare = word('rxsecrole');
    roles.add(spare);
    await call(kuzzle.security.createRole(spare, { controllers }));
    expect(await call(kuzzle.security.mDeleteRoles([spare]))).toEqual([spare]);
  });

  describe('searches, paging over more hits than a page', () => {
    it('searchUsers pages with from, search_after and scroll, the first page as kuzzle-sdk resolves it', async () => {
      const ids = [await newUser(false), await newUser(false), await newUser(false), await newUser(false), await newUser(false)].sort();
      const query = { query: { ids: { values: ids } } };

      const first = await call(kuzzle.security.searchUsers(query, { size: 2 }));
      const theirs = await sdk.security.searchUsers(query, { size: 2 });
      expect({ ...plain(first), hits: first.hits.map(rxUser) }).toEqual({ ...plain(theirs), hits: theirs.hits.map(sdkUser) });

      const byFrom = await lastValueFrom(allHits(kuzzle.security.searchUsers(query, { size: 2 })).pipe(toArray()));
      expect(byFrom.map((u) => u._id).sort()).toEqual(ids);
      const sorted = await lastValueFrom(allHits(kuzzle.security.searchUsers({ ...query, sort: ['_id'] }, { size: 2 })).pipe(toArray()));
      expect(sorted.map((u) => u._id)).toEqual(ids);
      const pages = await lastValueFrom(allPages(kuzzle.security.searchUsers(query, { size: 2, scroll: '10s' })).pipe(toArray()));
      expect(pages.map((p) => p.hits.length)).toEqual([2, 2, 1]);
      expect(pages.flatMap((p) => p.hits.map((u) => u._id)).sort()).toEqual(ids);
      expect(pages[0]?.scrollId).toEqual(expect.any(String));
    });

    it("scrollUsers and scrollProfiles fetch the page after a scrolled search's", async () => {
      const ids = [await newUser(false), await newUser(false), await newUser(false)];
      const first = await call(kuzzle.security.searchUsers({ query: { ids: { values: ids } } }, { size: 2, scroll: '10s' }));
      const next = await call(kuzzle.security.scrollUsers(first.scrollId ?? '', { scroll: '10s' }));
      expect(next.total).toBe(3);
      expect([...first.hits, ...next.hits].map((u) => u._id).sort()).toEqual([...ids].sort());
      expect(next.hits[0]?.profileIds).toEqual(['default']);

      const profileIds = await createProfiles(3);
      const firstProfiles = await call(
        kuzzle.security.searchProfiles({ query: { ids: { values: profileIds } } }, { size: 2, scroll: '10s' }),
      );
      const nextProfiles = await call(kuzzle.security.scrollProfiles(firstProfiles.scrollId ?? ''));
      expect([...firstProfiles.hits, ...nextProfiles.hits].map((p) => p._id).sort()).toEqual([...profileIds].sort());
      expect(nextProfiles.hits[0]).toMatchObject({ policies: [{ roleId: 'default' }], rateLimit: 0 });
    });

    async function createProfiles(count: number): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const id = word('rxsecprof');
        profiles.add(id);
        ids.push(id);
        await call(kuzzle.security.createProfile(id, { policies: [{ roleId: 'default' }] }));
      }
      return ids.sort();
    }

    it('searchProfiles pages with from and scroll, the first page as kuzzle-sdk resolves it', async () => {
      const ids = await createProfiles(3);
      const query = { query: { ids: { values: ids } } };
      expect(plain(await call(kuzzle.security.searchProfiles(query, { size: 2 })))).toEqual(
        plain(await sdk.security.searchProfiles(query, { size: 2 })),
      );
      const byFrom = await lastValueFrom(allHits(kuzzle.security.searchProfiles(query, { size: 2 })).pipe(toArray()));
      expect(byFrom.map((p: SecurityProfile) => p._id).sort()).toEqual(ids);
      const scrolled = await lastValueFrom(allHits(kuzzle.security.searchProfiles(query, { size: 2, scroll: '10s' })).pipe(toArray()));
      expect(scrolled.map((p) => p._id).sort()).toEqual(ids);
    });

    it('searchRoles pages with from, the first page as kuzzle-sdk resolves it', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const id = word('rxsecrole');
        roles.add(id);
        ids.push(id);
        await call(kuzzle.security.createRole(id, { controllers: { server: { actions: { now: true } } } }));
      }
      const query = { query: { ids: { values: ids } } };
      expect(plain(await call(kuzzle.security.searchRoles(query, { size: 2 })))).toEqual(
        plain(await sdk.security.searchRoles(query, { size: 2 })),
      );
      const all = await lastValueFrom(allHits(kuzzle.security.searchRoles(query, { size: 2 })).pipe(toArray()));
      expect(all.map((r) => r._id).sort()).toEqual(ids.sort());
      expect(all[0]?.controllers).toEqual({ server: { actions: { now: true } } });
    });
  });

  it('creates, reads, checks, changes and deletes credentials, emitting what kuzzle-sdk resolves', async () => {
    const id = await newUser(false);
    expect(await call(kuzzle.security.hasCredentials('local', id))).toBe(false);
    expect(await call(kuzzle.security.validateCredentials('local', id, { username: id, password: PASSWORD }))).toBe(true);
    expect(await call(kuzzle.security.createCredentials('local', id, { username: id, password: PASSWORD }))).toEqual({ username: id });
    expect(await call(kuzzle.security.hasCredentials('local', id))).toBe(await sdk.security.hasCredentials('local', id));
    expect(await call(kuzzle.security.getCredentials('local', id))).toEqual(await sdk.security.getCredentials('local', id));
    expect(await call(kuzzle.security.getCredentialsById('local', id))).toEqual(await sdk.security.getCredentialsById('local', id));
    expect(await call(kuzzle.security.getCredentialFields('local'))).toEqual(await sdk.security.getCredentialFields('local'));
    expect(await call(kuzzle.security.getAllCredentialFields())).toEqual(await sdk.security.getAllCredentialFields());
    expect(await call(kuzzle.security.getAllCredentialFields())).toMatchObject({ local: ['username', 'password'] });

    const found = await call(
      kuzzle.security.searchUsersByCredentials('local', { query: { term: { username: id } } }, { from: 0, size: 5 }),
    );
    expect(found).toEqual({ hits: [{ username: id, kuid: id }], total: 1 });

    expect(await call(kuzzle.security.updateCredentials('local', id, { password: `${PASSWORD}2` }))).toEqual({ username: id, kuid: id });
    const session = client(target);
    await firstValueFrom(session.connect());
    await expect(call(session.auth.login('local', { username: id, password: `${PASSWORD}2` }))).resolves.toMatchObject({ _id: id });
    session.disconnect();

    expect(await call(kuzzle.security.deleteCredentials('local', id))).toEqual({ acknowledged: true });
    expect(await call(kuzzle.security.hasCredentials('local', id))).toBe(false);
    await expect(call(kuzzle.security.createCredentials('nostrategy', id, {}))).rejects.toMatchObject({ name: 'KuzzleError' });
  });

  it("creates, searches and deletes API keys; a deleted key's token stops working", async () => {
    const id = await newUser(false);
    const key = await call(kuzzle.security.createApiKey(id, 'ci key', { expiresIn: '1h' }));
    expect(key._source).toMatchObject({ userId: id, description: 'ci key', token: expect.any(String) as unknown });
    const token = key._source.token ?? '';
    expect(await call(kuzzle.auth.checkToken(token))).toMatchObject({ valid: true, kuid: id });
    const second = await call(kuzzle.security.createApiKey(id, 'other key', { _id: word('rxseckey') }));

    const page = await call(kuzzle.security.searchApiKeys(id, {}, { size: 10 }));
    const theirs = (await sdk.security.searchApiKeys(id, {}, { size: 10 })) as { hits: unknown[]; total: number };
    expect({ hits: plain(page.hits), total: page.total }).toEqual(plain(theirs));
    expect(page.hits.map((k) => k._id).sort()).toEqual([key._id, second._id].sort());
    expect(page.hits.every((k) => k._source.token === undefined)).toBe(true);
    // The server's total counts the hits of the page only: a search cannot page past its first page.
    const small = await call(kuzzle.security.searchApiKeys(id, {}, { size: 1 }));
    expect({ hits: small.hits.length, total: small.total }).toEqual({ hits: 1, total: 1 });
    expect(await call(small.next())).toBeNull();

    expect(await call(kuzzle.security.deleteApiKey(id, key._id))).toEqual({ _id: key._id });
    expect(await call(kuzzle.auth.checkToken(token))).toMatchObject({ valid: false });
    expect((await call(kuzzle.security.searchApiKeys(id))).hits.map((k) => k._id)).toEqual([second._id]);
  });

  it('reads and extends the mappings of the security collections, as kuzzle-sdk resolves them', async () => {
    // A fixed field name: a mapping only grows, and the same update twice is harmless.
    const field = { properties: { rxspectag: { type: 'keyword' } } };
    expect(await call(kuzzle.security.updateUserMapping(field))).toMatchObject(field);
    expect(await call(kuzzle.security.updateProfileMapping(field))).toMatchObject(field);
    expect(await call(kuzzle.security.updateRoleMapping(field))).toMatchObject(field);
    const userMapping = await call(kuzzle.security.getUserMapping());
    expect(userMapping).toEqual(await sdk.security.getUserMapping());
    expect(userMapping.mapping).toMatchObject({ profileIds: { type: 'keyword' }, rxspectag: { type: 'keyword' } });
    expect(await call(kuzzle.security.getProfileMapping())).toEqual(await sdk.security.getProfileMapping());
    expect(await call(kuzzle.security.getRoleMapping())).toEqual(await sdk.security.getRoleMapping());
  });

  it('refreshes a security collection', async () => {
    const id = word('rxsecu');
    users.add(id);
    await call(kuzzle.security.createUser(id, { content: { profileIds: ['default'] } }, { refresh: 'false' }));
    expect(await call(kuzzle.security.refresh('users'))).toBeUndefined();
    expect((await call(kuzzle.security.searchUsers({ query: { ids: { values: [id] } } }))).hits.map((u) => u._id)).toEqual([id]);
    expect(await call(kuzzle.security.refresh('roles'))).toBeUndefined();
  });
});
