import type { CatalogueRow } from './row';

const info = { author: '-1', createdAt: 1796142633027, updatedAt: null, updater: null };

const rawUser = (id: string, content: Record<string, unknown> = {}) => ({
  _id: id,
  _source: { profileIds: ['default'], ...content, _kuzzle_info: info },
});
/** What kuzzle-rx emits for a raw user: `profileIds` beside `_source`. */
const user = (raw: ReturnType<typeof rawUser>) => ({ ...raw, profileIds: raw._source.profileIds });
const USER_DIFFERS =
  "a user is { _id, _source, profileIds } as plain data: kuzzle-sdk's User has a profileIds getter (not in its JSON) and content, its deprecated alias of _source";

const alyx = rawUser('alyx', { name: 'Alyx' });
const bob = rawUser('bob');
const ADMIN = { _id: 'root', _source: { profileIds: ['admin'], _kuzzle_info: info } };

const policies = [{ roleId: 'editor', restrictedTo: [{ index: 'shop', collections: ['orders'] }] }];
const rawProfile = (id: string, extra: Record<string, unknown> = {}) => ({
  _id: id,
  _source: { policies, optimizedPolicies: policies, rateLimit: 0, ...extra, _kuzzle_info: info },
});
const controllers = { document: { actions: { get: true, search: true } }, auth: { actions: { login: true } } };
const rawRole = (id: string) => ({ _id: id, _source: { controllers, _kuzzle_info: info } });

const rights = [
  { controller: 'document', action: 'get', index: '*', collection: '*', value: 'allowed' },
  { controller: 'document', action: 'search', index: 'shop', collection: 'orders', value: 'conditional' },
];
const apiKeySource = { description: 'ci key', expiresAt: 1796229033580, ttl: 86400000, fingerprint: '04ba44816e77e275', userId: 'alyx' };
const apiKey = {
  _id: 'k1',
  _source: { ...apiKeySource, _kuzzle_info: info, token: 'kapikey-eyJhbGciOiJIUzI1NiJ9.eyJfaWQiOiJhbHl4In0.sig' },
};
const credentials = { username: 'alyx', kuid: 'alyx' };
const userMapping = { dynamic: 'false', properties: { profileIds: { type: 'keyword' }, nickname: { type: 'keyword' } } };
const WHOLE_RESPONSE = 'kuzzle-sdk resolves the whole response (requestId, status, ...); kuzzle-rx emits its result like the other deletes';

const userRows: CatalogueRow[] = [
  {
    controller: 'security',
    method: 'createUser',
    args: [
      'alyx',
      { content: { profileIds: ['default'], name: 'Alyx' }, credentials: { local: { username: 'alyx', password: 'pw' } } },
      { refresh: 'wait_for', kuid: 'human' },
    ],
    result: alyx,
    emits: user(alyx),
    differs: USER_DIFFERS,
  },
  {
    controller: 'security',
    method: 'createUser',
    args: ['bob', { content: { profileIds: ['default'] } }],
    result: bob,
    emits: user(bob),
    differs: USER_DIFFERS,
  },
  {
    controller: 'security',
    method: 'createRestrictedUser',
    args: [{ content: { name: 'Alyx' } }, 'alyx', { refresh: 'false' }],
    result: alyx,
    emits: user(alyx),
    differs: USER_DIFFERS,
  },
  // No content and no id: both clients send `content: {}` and let the server choose the kuid.
  {
    controller: 'security',
    method: 'createRestrictedUser',
    args: [{ credentials: { local: { username: 'bob', password: 'pw' } } }],
    result: bob,
    emits: user(bob),
    differs: USER_DIFFERS,
  },
  {
    controller: 'security',
    method: 'createFirstAdmin',
    args: ['root', { credentials: { local: { username: 'root', password: 'pw' } } }, { reset: true }],
    result: ADMIN,
    emits: { ...ADMIN, profileIds: ['admin'] },
    differs: USER_DIFFERS,
  },
  { controller: 'security', method: 'getUser', args: ['alyx'], result: alyx, emits: user(alyx), differs: USER_DIFFERS },
  {
    controller: 'security',
    method: 'mGetUsers',
    args: [['alyx', 'bob']],
    result: { hits: [alyx, bob] },
    emits: [user(alyx), user(bob)],
    differs: USER_DIFFERS,
  },
  {
    controller: 'security',
    method: 'replaceUser',
    args: ['alyx', { profileIds: ['default'], name: 'Alyx' }, { refresh: 'false' }],
    result: alyx,
    emits: user(alyx),
    differs: USER_DIFFERS,
  },
  {
    controller: 'security',
    method: 'updateUser',
    args: ['alyx', { name: 'Alyx' }, { retryOnConflict: 3 }],
    result: alyx,
    emits: user(alyx),
    differs: USER_DIFFERS,
  },
  {
    controller: 'security',
    method: 'updateUser',
    args: ['alyx', { profileIds: ['default', 'editor'] }],
    result: alyx,
    emits: user(alyx),
    differs: USER_DIFFERS,
  },
  {
    controller: 'security',
    method: 'upsertUser',
    args: [
      'alyx',
      { content: { profileIds: ['default'], name: 'Alyx' }, default: { age: 30 } },
      { retryOnConflict: 2, refresh: 'wait_for' },
    ],
    result: alyx,
    sdk: false,
    frames: [
      {
        controller: 'security',
        action: 'upsertUser',
        _id: 'alyx',
        body: { content: { profileIds: ['default'], name: 'Alyx' }, default: { age: 30 } },
        retryOnConflict: 2,
        refresh: 'wait_for',
      },
    ],
    emits: user(alyx),
  },
  { controller: 'security', method: 'deleteUser', args: ['alyx', { refresh: 'wait_for' }], result: { _id: 'alyx' } },
  { controller: 'security', method: 'mDeleteUsers', args: [['alyx', 'bob']], result: ['alyx', 'bob'] },
  {
    controller: 'security',
    method: 'searchUsers',
    args: [
      { query: { ids: { values: ['alyx', 'bob'] } }, sort: ['_id'] },
      { from: 0, size: 2, lang: 'elasticsearch' },
    ],
    result: { hits: [alyx, bob], total: 3 },
    emits: { hits: [user(alyx), user(bob)], total: 3, fetched: 2 },
    differs: USER_DIFFERS,
  },
  {
    controller: 'security',
    method: 'searchUsers',
    args: [{ query: { match_all: {} } }, { scroll: '10s', size: 1 }],
    result: { hits: [alyx], total: 2, scrollId: 'c2Nyb2xsOjE=' },
    emits: { hits: [user(alyx)], total: 2, fetched: 1, scrollId: 'c2Nyb2xsOjE=' },
    differs: `${USER_DIFFERS}; a page also shows its scrollId`,
  },
  { controller: 'security', method: 'searchUsers', args: [], result: { hits: [], total: 0 } },
  {
    controller: 'security',
    method: 'scrollUsers',
    args: ['c2Nyb2xsOjE=', { scroll: '10s' }],
    result: { hits: [bob], total: 2, scrollId: 'c2Nyb2xsOjE=' },
    sdk: false,
    frames: [{ controller: 'security', action: 'scrollUsers', scrollId: 'c2Nyb2xsOjE=', scroll: '10s' }],
    emits: { hits: [user(bob)], total: 2, scrollId: 'c2Nyb2xsOjE=' },
  },
  { controller: 'security', method: 'getUserRights', args: ['alyx'], result: { hits: rights, total: 2 } },
  { controller: 'security', method: 'getUserStrategies', args: ['alyx'], result: { strategies: ['local'], total: 1 } },
  {
    controller: 'security',
    method: 'revokeTokens',
    args: ['alyx'],
    result: null,
    sdk: false,
    frames: [{ controller: 'security', action: 'revokeTokens', _id: 'alyx' }],
    emits: undefined,
  },
  {
    controller: 'security',
    method: 'checkRights',
    args: ['alyx', { controller: 'document', action: 'create', index: 'shop', collection: 'orders' }],
    result: { allowed: true },
  },
  {
    controller: 'security',
    method: 'checkRights',
    args: ['bob', { controller: 'security', action: 'createUser' }],
    result: { allowed: false },
  },
];

const editor = rawProfile('editor');
const limited = rawProfile('limited', { rateLimit: 5, tags: ['staff'] });

const profileRows: CatalogueRow[] = [
  {
    controller: 'security',
    method: 'createProfile',
    args: ['editor', { policies }, { strict: true, refresh: 'wait_for' }],
    result: editor,
  },
  { controller: 'security', method: 'createProfile', args: ['limited', { policies, rateLimit: 5, tags: ['staff'] }], result: limited },
  { controller: 'security', method: 'createOrReplaceProfile', args: ['editor', { policies }, { strict: false }], result: editor },
  { controller: 'security', method: 'getProfile', args: ['limited'], result: limited },
  // A profile stored without rateLimit nor policies: both clients fill in 0 and [].
  { controller: 'security', method: 'getProfile', args: ['bare'], result: { _id: 'bare', _source: { _kuzzle_info: info } } },
  { controller: 'security', method: 'mGetProfiles', args: [['editor', 'limited']], result: { hits: [editor, limited] } },
  { controller: 'security', method: 'updateProfile', args: ['limited', { rateLimit: 5 }, { retryOnConflict: 2 }], result: limited },
  { controller: 'security', method: 'deleteProfile', args: ['editor', { onAssignedUsers: 'remove' }], result: { _id: 'editor' } },
  { controller: 'security', method: 'deleteProfile', args: ['editor'], result: { _id: 'editor' } },
  {
    controller: 'security',
    method: 'mDeleteProfiles',
    args: [['editor', 'limited'], { refresh: 'wait_for' }],
    result: ['editor', 'limited'],
  },
  {
    controller: 'security',
    method: 'searchProfiles',
    args: [{ query: { terms: { 'policies.roleId': ['editor'] } } }, { from: 0, size: 1 }],
    result: { hits: [editor], total: 2 },
  },
  {
    controller: 'security',
    method: 'searchProfiles',
    args: [{}, { scroll: '1m', size: 2 }],
    result: { hits: [editor, limited], total: 3, scrollId: 'c2Nyb2xsOjI=' },
    emits: {
      hits: [
        { ...editor._source, _id: 'editor' },
        { ...limited._source, _id: 'limited' },
      ],
      total: 3,
      fetched: 2,
      scrollId: 'c2Nyb2xsOjI=',
    },
    differs: 'a page also shows its scrollId',
  },
  {
    controller: 'security',
    method: 'scrollProfiles',
    args: ['c2Nyb2xsOjI='],
    result: { hits: [editor], total: 3, scrollId: 'c2Nyb2xsOjI=' },
    sdk: false,
    frames: [{ controller: 'security', action: 'scrollProfiles', scrollId: 'c2Nyb2xsOjI=' }],
    emits: { hits: [{ ...editor._source, _id: 'editor' }], total: 3, scrollId: 'c2Nyb2xsOjI=' },
  },
  { controller: 'security', method: 'getProfileRights', args: ['editor'], result: { hits: rights, total: 2 } },
];

const roleRows: CatalogueRow[] = [
  {
    controller: 'security',
    method: 'createRole',
    args: ['editor', { controllers }, { force: true, refresh: 'wait_for' }],
    result: rawRole('editor'),
  },
  { controller: 'security', method: 'createRole', args: ['editor', { controllers }], result: rawRole('editor') },
  { controller: 'security', method: 'createOrReplaceRole', args: ['editor', { controllers }, { force: true }], result: rawRole('editor') },
  { controller: 'security', method: 'createOrReplaceRole', args: ['editor', { controllers }], result: rawRole('editor') },
  { controller: 'security', method: 'getRole', args: ['editor'], result: rawRole('editor') },
  { controller: 'security', method: 'mGetRoles', args: [['editor', 'viewer']], result: { hits: [rawRole('editor'), rawRole('viewer')] } },
  {
    controller: 'security',
    method: 'updateRole',
    args: ['editor', { controllers }, { force: true, retryOnConflict: 1 }],
    result: rawRole('editor'),
  },
  { controller: 'security', method: 'updateRole', args: ['editor', { controllers }], result: rawRole('editor') },
  { controller: 'security', method: 'deleteRole', args: ['editor', { refresh: 'false' }], result: { _id: 'editor' } },
  { controller: 'security', method: 'mDeleteRoles', args: [['editor', 'viewer']], result: ['editor', 'viewer'] },
  {
    controller: 'security',
    method: 'searchRoles',
    args: [{ controllers: ['document'] }, { from: 0, size: 1 }],
    result: { hits: [rawRole('editor')], total: 2 },
  },
  { controller: 'security', method: 'searchRoles', args: [], result: { hits: [rawRole('admin'), rawRole('editor')], total: 2 } },
];

const credentialRows: CatalogueRow[] = [
  {
    controller: 'security',
    method: 'createCredentials',
    args: ['local', 'alyx', { username: 'alyx', password: 'pw' }],
    result: { username: 'alyx' },
  },
  { controller: 'security', method: 'updateCredentials', args: ['local', 'alyx', { password: 'pw2' }], result: credentials },
  { controller: 'security', method: 'validateCredentials', args: ['local', 'alyx', { username: 'alyx', password: 'pw' }], result: true },
  { controller: 'security', method: 'deleteCredentials', args: ['local', 'alyx'], result: { acknowledged: true } },
  { controller: 'security', method: 'getCredentials', args: ['local', 'alyx'], result: credentials },
  { controller: 'security', method: 'getCredentialsById', args: ['local', 'alyx'], result: credentials },
  { controller: 'security', method: 'hasCredentials', args: ['local', 'alyx'], result: true },
  { controller: 'security', method: 'getCredentialFields', args: ['local'], result: ['username', 'password'] },
  { controller: 'security', method: 'getAllCredentialFields', args: [], result: { local: ['username', 'password'] } },
  {
    controller: 'security',
    method: 'searchUsersByCredentials',
    args: ['local', { query: { bool: { must: [{ match: { username: 'alyx' } }] } } }, { from: 0, size: 5 }],
    result: { hits: [credentials], total: 1 },
    sdk: false,
    frames: [
      {
        controller: 'security',
        action: 'searchUsersByCredentials',
        strategy: 'local',
        body: { query: { bool: { must: [{ match: { username: 'alyx' } }] } } },
        from: 0,
        size: 5,
      },
    ],
    emits: { hits: [credentials], total: 1 },
  },
  {
    controller: 'security',
    method: 'searchUsersByCredentials',
    args: ['local'],
    result: { hits: [], total: 0 },
    sdk: false,
    frames: [{ controller: 'security', action: 'searchUsersByCredentials', strategy: 'local', body: {} }],
    emits: { hits: [], total: 0 },
  },
];

const apiKeyRows: CatalogueRow[] = [
  {
    controller: 'security',
    method: 'createApiKey',
    args: ['alyx', 'ci key', { _id: 'k1', expiresIn: '1d', refresh: 'wait_for' }],
    result: apiKey,
  },
  { controller: 'security', method: 'createApiKey', args: ['alyx', 'ci key'], result: apiKey },
  {
    controller: 'security',
    method: 'deleteApiKey',
    args: ['alyx', 'k1', { refresh: 'wait_for' }],
    result: { _id: 'k1' },
    emits: { _id: 'k1' },
    differs: WHOLE_RESPONSE,
  },
  {
    controller: 'security',
    method: 'searchApiKeys',
    args: ['alyx', { match: { description: 'ci' } }, { from: 0, size: 5, lang: 'elasticsearch' }],
    result: { hits: [{ _id: 'k1', _source: apiKeySource }], total: 1 },
    emits: { hits: [{ _id: 'k1', _source: apiKeySource }], total: 1, fetched: 1 },
    differs: 'kuzzle-sdk resolves the raw { hits, total }; kuzzle-rx emits a search page (with fetched and next()) like the other searches',
  },
  {
    controller: 'security',
    method: 'searchApiKeys',
    args: ['alyx'],
    result: { hits: [], total: 0 },
    emits: { hits: [], total: 0, fetched: 0 },
    differs: 'kuzzle-sdk resolves the raw { hits, total }; kuzzle-rx emits a search page (with fetched and next()) like the other searches',
  },
];

const mappingRows: CatalogueRow[] = [
  { controller: 'security', method: 'getUserMapping', args: [], result: { mapping: userMapping.properties } },
  { controller: 'security', method: 'updateUserMapping', args: [{ properties: { nickname: { type: 'keyword' } } }], result: userMapping },
  {
    controller: 'security',
    method: 'getProfileMapping',
    args: [],
    result: { mapping: { policies: { properties: { roleId: { type: 'keyword' } } } } },
  },
  {
    controller: 'security',
    method: 'updateProfileMapping',
    args: [{ properties: { tags: { type: 'keyword' } } }],
    result: { dynamic: 'false', properties: { tags: { type: 'keyword' } } },
  },
  {
    controller: 'security',
    method: 'getRoleMapping',
    args: [],
    result: { mapping: { controllers: { dynamic: 'false', properties: {} } } },
  },
  {
    controller: 'security',
    method: 'updateRoleMapping',
    args: [{ properties: { tags: { type: 'keyword' } } }],
    result: { dynamic: 'false', properties: { tags: { type: 'keyword' } } },
  },
  {
    controller: 'security',
    method: 'refresh',
    args: ['users'],
    result: null,
    emits: undefined,
    differs: 'kuzzle-sdk resolves the whole response, whose result is null; kuzzle-rx emits once done (undefined)',
  },
  // Never sent to a real server in the specs: it would take every right from the anonymous user.
  {
    controller: 'security',
    method: 'restrictDefaultRights',
    args: [],
    result: null,
    sdk: false,
    frames: [{ controller: 'security', action: 'restrictDefaultRights' }],
    emits: undefined,
  },
];

/** The security controller's calls. */
export const securityRows: readonly CatalogueRow[] = [
  ...userRows,
  ...profileRows,
  ...roleRows,
  ...credentialRows,
  ...apiKeyRows,
  ...mappingRows,
];
