import { getTestScheduler } from 'jasmine-marbles';
import type { Kuzzle } from '../../../src/client/kuzzle';
import type { FetchInitLike, FetchResponseLike } from '../../../src/http/fetch';
import { clientHarness, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';

/** The auth actions in cookie mode: which go over HTTP with what, which stay on the socket and how. */
describe('auth actions in cookie mode', () => {
  beforeEach(() => FakeWebSocket.reset());

  function cookieClient(): { kuzzle: Kuzzle; socket: FakeWebSocket; calls: { url: string; init: FetchInitLike }[] } {
    const calls: { url: string; init: FetchInitLike }[] = [];
    // Never answers: these tests look at what is sent.
    const fetch = (url: string, init: FetchInitLike): Promise<FetchResponseLike> => {
      calls.push({ url, init });
      return new Promise<FetchResponseLike>(() => undefined);
    };
    const { kuzzle, connect } = clientHarness({ scheduler: getTestScheduler(), kuzzle: { cookieAuth: true, fetch } });
    return { kuzzle, socket: connect(), calls };
  }

  it("checks the cookie's session on the socket when no token is given: the server reads the cookie only with the flag", () => {
    const { kuzzle, socket, calls } = cookieClient();
    const checked = observe(kuzzle.auth.checkToken());
    expect(socket.lastRequest).toMatchObject({ controller: 'auth', action: 'checkToken', cookieAuth: true, body: {} });
    expect(socket.lastRequest['jwt']).toBeUndefined();
    expect(calls).toEqual([]);
    socket.respond(socket.lastRequest, { valid: true, kuid: 'alyx', expiresAt: 1 });
    expect(checked.values).toEqual([{ valid: true, kuid: 'alyx', expiresAt: 1 }]);
  });

  it('checks a given token on the socket, without the flag (with it the server would check the cookie instead)', () => {
    const { kuzzle, socket } = cookieClient();
    observe(kuzzle.auth.checkToken('kauth-other'));
    expect(socket.lastRequest).toMatchObject({ controller: 'auth', action: 'checkToken', body: { token: 'kauth-other' } });
    expect(socket.lastRequest['cookieAuth']).toBeUndefined();
  });

  it('sends the arguments of login, refreshToken and logout in the query string of their HTTP routes', () => {
    const { kuzzle, calls } = cookieClient();
    const login = observe(kuzzle.auth.login('local', { username: 'alyx', password: 'pw' }, '1h'));
    login.unsubscribe();
    const refresh = observe(kuzzle.auth.refreshToken({ expiresIn: '2h', strategy: 'oauth' }));
    refresh.unsubscribe();
    const logout = observe(kuzzle.auth.logout({ global: true }));
    logout.unsubscribe();
    const plainLogout = observe(kuzzle.auth.logout());
    plainLogout.unsubscribe();

    expect(calls.map((call) => `${call.init.method} ${call.url}`)).toEqual([
      'POST http://localhost:7512/_login/local?cookieAuth=true&expiresIn=1h',
      'POST http://localhost:7512/_refreshToken?cookieAuth=true&expiresIn=2h&strategy=oauth',
      // No cookieAuth flag on logout: with it the server clears the cookie but keeps the token valid.
      'POST http://localhost:7512/_logout?global=true',
      'POST http://localhost:7512/_logout',
    ]);
    expect(calls[0]?.init.body).toBe(JSON.stringify({ username: 'alyx', password: 'pw' }));
  });

  it('sends the other auth actions on the socket, which its handshake cookie authenticates, without a token', () => {
    const { kuzzle, socket, calls } = cookieClient();
    kuzzle.jwt = 'kauth-ignored';
    observe(kuzzle.auth.getCurrentUser());
    observe(kuzzle.auth.createApiKey('ci'));
    observe(kuzzle.auth.createToken());
    expect(socket.requests.map((r) => [r['action'], r['jwt']])).toEqual([
      ['getCurrentUser', undefined],
      ['createApiKey', undefined],
      ['createToken', undefined],
    ]);
    expect(calls).toEqual([]);
  });
});
