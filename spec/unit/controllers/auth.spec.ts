import { clientHarness, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';
import { itRefuses, type BadCall } from '../../support/refusals';

beforeEach(() => FakeWebSocket.reset());

/** Bad calls, their error message. Arguments typed wrong on purpose go through `never`. */
const BAD_CALLS: readonly BadCall[] = [
  ['an empty strategy', (k) => k.auth.login('', { username: 'a' }), 'auth.login: strategy must be a non-empty string, got an empty string'],
  ['credentials that are null', (k) => k.auth.login('local', null as never), 'auth.login: credentials must be an object, got null'],
  [
    'an expiry that is an object',
    (k) => k.auth.login('local', {}, {} as never),
    'auth.login: expiresIn must be a string or a number, got an object',
  ],
  ['an empty token to check', (k) => k.auth.checkToken(''), 'auth.checkToken: token must be a non-empty string, got an empty string'],
  [
    'a token to check that is a number',
    (k) => k.auth.checkToken(42 as never),
    'auth.checkToken: token must be a non-empty string, got number 42',
  ],
  ['refresh options that are null', (k) => k.auth.refreshToken(null as never), 'auth.refreshToken: options must be an object, got null'],
  [
    'a refresh expiry that is a boolean',
    (k) => k.auth.refreshToken({ expiresIn: true as never }),
    'auth.refreshToken: expiresIn must be a string or a number, got boolean true',
  ],
  [
    'an empty refresh strategy',
    (k) => k.auth.refreshToken({ strategy: '' }),
    'auth.refreshToken: strategy must be a non-empty string, got an empty string',
  ],
  ['a rights request that is null', (k) => k.auth.checkRights(null as never), 'auth.checkRights: request must be an object, got null'],
  [
    'a rights request without action',
    (k) => k.auth.checkRights({ controller: 'document' } as never),
    'auth.checkRights: request.action must be a non-empty string, got undefined',
  ],
  ['self content that is an array', (k) => k.auth.updateSelf([] as never), 'auth.updateSelf: content must be an object, got an array'],
  [
    'no strategy for new credentials',
    (k) => k.auth.createMyCredentials(undefined as never, {}),
    'auth.createMyCredentials: strategy must be a non-empty string, got undefined',
  ],
  [
    'credentials to update that are a string',
    (k) => k.auth.updateMyCredentials('local', 'pw' as never),
    'auth.updateMyCredentials: credentials must be an object, got "pw"',
  ],
  [
    'no credentials to validate',
    (k) => k.auth.validateMyCredentials('local', undefined as never),
    'auth.validateMyCredentials: credentials must be an object, got undefined',
  ],
  [
    'an empty strategy to check',
    (k) => k.auth.credentialsExist(''),
    'auth.credentialsExist: strategy must be a non-empty string, got an empty string',
  ],
  [
    'a strategy that is null',
    (k) => k.auth.getMyCredentials(null as never),
    'auth.getMyCredentials: strategy must be a non-empty string, got null',
  ],
  [
    'a strategy that is an array',
    (k) => k.auth.deleteMyCredentials([] as never),
    'auth.deleteMyCredentials: strategy must be a non-empty string, got an array',
  ],
  [
    'an API key description that is a number',
    (k) => k.auth.createApiKey(7 as never),
    'auth.createApiKey: description must be a string, got number 7',
  ],
  ['an empty API key id', (k) => k.auth.deleteApiKey(''), 'auth.deleteApiKey: id must be a non-empty string, got an empty string'],
  [
    'an API key query that is a string',
    (k) => k.auth.searchApiKeys('mine' as never),
    'auth.searchApiKeys: query must be an object, got "mine"',
  ],
];

describe('auth controller', () => {
  itRefuses(BAD_CALLS);

  it('checks the session token after a login, and the anonymous session after a logout', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    observe(kuzzle.auth.login('local', { username: 'alyx', password: 'pw' }));
    socket.respond(socket.lastRequest, { _id: 'alyx', jwt: 'kauth-1', expiresAt: 1, ttl: 1 });
    observe(kuzzle.auth.checkToken());
    expect(socket.lastRequest).toMatchObject({ action: 'checkToken', body: { token: 'kauth-1' } });
    // checkToken is about the token in its body: the session's is not attached as well.
    expect(socket.lastRequest['jwt']).toBeUndefined();
    socket.respond(socket.lastRequest, { valid: true, kuid: 'alyx', expiresAt: 1 });

    observe(kuzzle.auth.logout());
    expect(socket.lastRequest).toMatchObject({ action: 'logout', jwt: 'kauth-1' });
    socket.respond(socket.lastRequest, { acknowledged: true });
    observe(kuzzle.auth.checkToken());
    expect(socket.lastRequest).toMatchObject({ action: 'checkToken', body: {} });
  });

  it('keeps the token of a refresh, given in the shorthand form or the options', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    kuzzle.jwt = 'kauth-old';
    const short = observe(kuzzle.auth.refreshToken('2h', { strategy: 'oauth' }));
    expect(socket.lastRequest).toMatchObject({ action: 'refreshToken', expiresIn: '2h', strategy: 'oauth', jwt: 'kauth-old' });
    socket.respond(socket.lastRequest, { _id: 'alyx', jwt: 'kauth-new', expiresAt: 2, ttl: 7_200_000 });
    expect(short.values).toEqual([{ _id: 'alyx', jwt: 'kauth-new', expiresAt: 2, ttl: 7_200_000 }]);
    expect(kuzzle.jwt).toBe('kauth-new');

    observe(kuzzle.auth.refreshToken({ expiresIn: 60_000 }));
    expect(socket.lastRequest).toMatchObject({ action: 'refreshToken', expiresIn: 60_000, jwt: 'kauth-new' });
  });

  it('does not take the token of createToken for the session', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    kuzzle.jwt = 'kauth-session';
    const created = observe(kuzzle.auth.createToken({ singleUse: true }));
    socket.respond(socket.lastRequest, { token: 'kauth-other', expiresAt: 1, ttl: 1, singleUse: true });
    expect(created.values).toEqual([{ token: 'kauth-other', expiresAt: 1, ttl: 1, singleUse: true }]);
    expect(kuzzle.jwt).toBe('kauth-session');
  });

  it('emits the current user as a frozen plain value, with its profiles and strategies', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const anonymous = observe(kuzzle.auth.getCurrentUser());
    socket.respond(socket.lastRequest, { _id: '-1', _source: { profileIds: ['anonymous'] }, strategies: [] });
    const self = observe(kuzzle.auth.updateSelf({ name: 'Alyx' }));
    socket.respond(socket.lastRequest, { _id: 'alyx', _source: { name: 'Alyx' } });

    expect(anonymous.values).toEqual([{ _id: '-1', _source: { profileIds: ['anonymous'] }, profileIds: ['anonymous'], strategies: [] }]);
    expect(self.values).toEqual([{ _id: 'alyx', _source: { name: 'Alyx' }, profileIds: [] }]);
    expect(Object.isFrozen(anonymous.values[0])).toBe(true);
  });

  it('emits a login, logout or checkToken that waited for the connection, as any other call', () => {
    const { kuzzle } = clientHarness();
    kuzzle.connect().subscribe();
    const login = observe(kuzzle.auth.login('local', { username: 'alyx', password: 'pw' }));
    expect(login.error).toBeUndefined();
    FakeWebSocket.last.open();
    const socket = FakeWebSocket.last;
    expect(socket.lastRequest).toMatchObject({ controller: 'auth', action: 'login' });
    socket.respond(socket.lastRequest, { _id: 'alyx', jwt: 'kauth-1', expiresAt: 1, ttl: 1 });
    expect(login.values).toHaveLength(1);
  });

  it('pages an API key search with from and size', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const first = observe(kuzzle.auth.searchApiKeys({}, { size: 1 }));
    socket.respond(socket.lastRequest, { hits: [{ _id: 'k1', _source: { userId: 'alyx' } }], total: 1 });
    expect(first.values[0]).toMatchObject({ hits: [{ _id: 'k1' }], total: 1, fetched: 1 });
    // The server counts only the hits it returns: there is never a next page to fetch.
    const sent = socket.requests.length;
    expect(observe(first.values[0]!.next()).values).toEqual([null]);
    expect(socket.requests).toHaveLength(sent);
  });
});
