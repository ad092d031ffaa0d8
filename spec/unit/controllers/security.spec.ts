import { clientHarness, nameAndMessage, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';
import { itRefuses, type BadCall } from '../../support/refusals';

beforeEach(() => FakeWebSocket.reset());

/** Bad calls, their error message. Arguments typed wrong on purpose go through `never`. */
const BAD_CALLS: readonly BadCall[] = [
  ['an empty user id', (k) => k.security.getUser(''), 'security.getUser: id must be a non-empty string, got an empty string'],
  ['no user body', (k) => k.security.createUser('alyx', null as never), 'security.createUser: body must be an object, got null'],
  [
    'a user without content',
    (k) => k.security.createUser('alyx', {} as never),
    'security.createUser: body.content must be an object, got undefined',
  ],
  [
    'a user without profiles',
    (k) => k.security.createUser('alyx', { content: { name: 'Alyx' } } as never),
    'security.createUser: body.content.profileIds must be an array, got undefined',
  ],
  [
    'an empty profile id',
    (k) => k.security.createUser('alyx', { content: { profileIds: ['default', ''] } }),
    'security.createUser: body.content.profileIds[1] must be a non-empty string, got an empty string',
  ],
  [
    'a restricted user body that is null',
    (k) => k.security.createRestrictedUser(null as never),
    'security.createRestrictedUser: body must be an object, got null',
  ],
  [
    'a restricted user content that is an array',
    (k) => k.security.createRestrictedUser({ content: [] as never }),
    'security.createRestrictedUser: body.content must be an object, got an array',
  ],
  [
    'an empty restricted user id',
    (k) => k.security.createRestrictedUser({}, ''),
    'security.createRestrictedUser: id must be a non-empty string, got an empty string',
  ],
  [
    'a first admin without id',
    (k) => k.security.createFirstAdmin(undefined as never, {}),
    'security.createFirstAdmin: id must be a non-empty string, got undefined',
  ],
  ['user ids that are a string', (k) => k.security.mGetUsers('alyx' as never), 'security.mGetUsers: ids must be an array, got "alyx"'],
  [
    'a user id that is a number',
    (k) => k.security.mDeleteUsers([7] as never),
    'security.mDeleteUsers: ids[0] must be a non-empty string, got number 7',
  ],
  [
    'a replacement without profiles',
    (k) => k.security.replaceUser('alyx', { name: 'A' } as never),
    'security.replaceUser: content.profileIds must be an array, got undefined',
  ],
  [
    'profiles that are a string',
    (k) => k.security.updateUser('alyx', { profileIds: 'admin' as never }),
    'security.updateUser: content.profileIds must be an array, got "admin"',
  ],
  [
    'an upsert without content',
    (k) => k.security.upsertUser('alyx', {} as never),
    'security.upsertUser: body.content must be an object, got undefined',
  ],
  [
    'a search query that is an array',
    (k) => k.security.searchUsers([] as never),
    'security.searchUsers: query must be an object, got an array',
  ],
  [
    'an empty scroll id',
    (k) => k.security.scrollUsers(''),
    'security.scrollUsers: scrollId must be a non-empty string, got an empty string',
  ],
  [
    'a rights request without controller',
    (k) => k.security.checkRights('alyx', { action: 'get' } as never),
    'security.checkRights: request.controller must be a non-empty string, got undefined',
  ],
  [
    'policies that are not an array',
    (k) => k.security.createProfile('p', { policies: 'editor' as never }),
    'security.createProfile: body.policies must be an array, got "editor"',
  ],
  [
    'a policy without role',
    (k) => k.security.createOrReplaceProfile('p', { policies: [{} as never] }),
    'security.createOrReplaceProfile: body.policies[0].roleId must be a non-empty string, got undefined',
  ],
  [
    'a profile update that is null',
    (k) => k.security.updateProfile('p', null as never),
    'security.updateProfile: body must be an object, got null',
  ],
  [
    'an empty profile id',
    (k) => k.security.deleteProfile(''),
    'security.deleteProfile: id must be a non-empty string, got an empty string',
  ],
  [
    'a role without controllers',
    (k) => k.security.createRole('r', {} as never),
    'security.createRole: body.controllers must be an object, got undefined',
  ],
  [
    'role controllers that are an array',
    (k) => k.security.createOrReplaceRole('r', { controllers: [] as never }),
    'security.createOrReplaceRole: body.controllers must be an object, got an array',
  ],
  ['role ids that are null', (k) => k.security.mGetRoles(null as never), 'security.mGetRoles: ids must be an array, got null'],
  [
    'a role search query that is a string',
    (k) => k.security.searchRoles('admin' as never),
    'security.searchRoles: query must be an object, got "admin"',
  ],
  [
    'an empty strategy',
    (k) => k.security.createCredentials('', 'alyx', {}),
    'security.createCredentials: strategy must be a non-empty string, got an empty string',
  ],
  [
    'credentials that are a string',
    (k) => k.security.validateCredentials('local', 'alyx', 'pw' as never),
    'security.validateCredentials: credentials must be an object, got "pw"',
  ],
  [
    'no credentials user',
    (k) => k.security.hasCredentials('local', undefined as never),
    'security.hasCredentials: id must be a non-empty string, got undefined',
  ],
  [
    'no strategy',
    (k) => k.security.getCredentialFields(undefined as never),
    'security.getCredentialFields: strategy must be a non-empty string, got undefined',
  ],
  [
    'a credentials query that is null',
    (k) => k.security.searchUsersByCredentials('local', null as never),
    'security.searchUsersByCredentials: query must be an object, got null',
  ],
  [
    'an API key description that is a number',
    (k) => k.security.createApiKey('alyx', 42 as never),
    'security.createApiKey: description must be a string, got number 42',
  ],
  [
    'no API key id',
    (k) => k.security.deleteApiKey('alyx', undefined as never),
    'security.deleteApiKey: id must be a non-empty string, got undefined',
  ],
  [
    'an empty API key owner',
    (k) => k.security.searchApiKeys(''),
    'security.searchApiKeys: userId must be a non-empty string, got an empty string',
  ],
  [
    'a mapping that is null',
    (k) => k.security.updateUserMapping(null as never),
    'security.updateUserMapping: mapping must be an object, got null',
  ],
  [
    'an empty collection',
    (k) => k.security.refresh('' as never),
    'security.refresh: collection must be a non-empty string, got an empty string',
  ],
];

describe('security controller', () => {
  itRefuses(BAD_CALLS);

  it('emits users, profiles and roles as frozen plain values, with what the server left out filled in', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const user = observe(kuzzle.security.getUser('alyx'));
    socket.respond(socket.lastRequest, { _id: 'alyx', _source: { name: 'Alyx' } });
    const profile = observe(kuzzle.security.getProfile('bare'));
    socket.respond(socket.lastRequest, { _id: 'bare', _source: {} });
    const role = observe(kuzzle.security.getRole('empty'));
    socket.respond(socket.lastRequest, { _id: 'empty', _source: {} });

    expect(user.values).toEqual([{ _id: 'alyx', _source: { name: 'Alyx' }, profileIds: [] }]);
    expect(profile.values).toEqual([{ _id: 'bare', policies: [], rateLimit: 0 }]);
    expect(role.values).toEqual([{ _id: 'empty', controllers: {} }]);
    for (const value of [user.values[0], profile.values[0], role.values[0]]) expect(Object.isFrozen(value)).toBe(true);
  });

  it('pages a user search with scrollUsers, mapping every page', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const first = observe(kuzzle.security.searchUsers({}, { scroll: '10s', size: 1 }));
    socket.respond(socket.lastRequest, { hits: [{ _id: 'a', _source: { profileIds: ['default'] } }], total: 2, scrollId: 'S1' });
    const second = observe(first.values[0]!.next());
    expect(socket.lastRequest).toMatchObject({ controller: 'security', action: 'scrollUsers', scrollId: 'S1', scroll: '10s' });
    socket.respond(socket.lastRequest, { hits: [{ _id: 'b', _source: { profileIds: ['admin'] } }], total: 2, scrollId: 'S1' });
    expect(second.values[0]).toMatchObject({ hits: [{ _id: 'b', profileIds: ['admin'] }], fetched: 2, total: 2 });
    expect(observe(second.values[0]!.next()).values).toEqual([null]);
  });

  it('pages a role search with from and size, and refuses to scroll it (the server has no scroll for roles)', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const first = observe(kuzzle.security.searchRoles({}, { size: 1 }));
    socket.respond(socket.lastRequest, { hits: [{ _id: 'admin', _source: { controllers: {} } }], total: 2 });
    observe(first.values[0]!.next());
    expect(socket.lastRequest).toMatchObject({ action: 'searchRoles', from: 1, size: 1 });

    const scrolled = observe(kuzzle.security.searchRoles({}, { scroll: '10s', size: 1 } as never));
    socket.respond(socket.lastRequest, { hits: [{ _id: 'admin', _source: { controllers: {} } }], total: 2 });
    const sent = socket.requests.length;
    // The paging module words the reason; what matters here is that it is this method's InvalidRequestError.
    expect(nameAndMessage(observe(scrolled.values[0]!.next()).error)).toEqual({
      name: 'InvalidRequestError',
      message: expect.stringMatching(/^Invalid request: security\.searchRoles: /) as unknown,
    });
    expect(socket.requests).toHaveLength(sent);
  });

  it('ends an API key search after its first page: the server counts only the hits it returns', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const first = observe(kuzzle.security.searchApiKeys('alyx', {}, { size: 1 }));
    socket.respond(socket.lastRequest, { hits: [{ _id: 'k1', _source: { userId: 'alyx' } }], total: 1 });
    const sent = socket.requests.length;
    expect(observe(first.values[0]!.next()).values).toEqual([null]);
    expect(socket.requests).toHaveLength(sent);
  });

  it("sends createRestrictedUser with an empty content when none is given, without changing the caller's body", () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const body = { credentials: { local: { username: 'bob', password: 'pw' } } };
    observe(kuzzle.security.createRestrictedUser(body));
    expect(socket.lastRequest['body']).toEqual({ content: {}, credentials: body.credentials });
    expect(body).not.toHaveProperty('content');
  });
});
