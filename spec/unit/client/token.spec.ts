import type { KuzzleOptions } from '../../../src/client/options';
import { clientHarness, nameAndMessage, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';

function setup(options: KuzzleOptions = {}) {
  const harness = clientHarness({ kuzzle: options });
  /** Logs in on the socket and returns the token. */
  const login = (socket: FakeWebSocket, jwt = 'kauth-one'): string => {
    harness.kuzzle.auth.login('local', { username: 'admin', password: 'password' }).subscribe();
    socket.respond(socket.lastRequest, { _id: 'admin', jwt, expiresAt: 1795657414986, ttl: 3600000 });
    return jwt;
  };
  return { ...harness, login };
}

const TOKEN_EXPIRED_NOTIFICATION = {
  status: 200,
  info: 'This is an automated server notification',
  message: 'Authentication Token Expired',
  type: 'TokenExpired',
  room: 'kuzzle:notification:server',
};

const SUBSCRIBED = { roomId: 'room-1', channel: 'room-1-111' };

beforeEach(() => FakeWebSocket.reset());

describe('Kuzzle token mode', () => {
  it('sends login without a token, then attaches the token it returned to every request', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    const login = observe(kuzzle.auth.login('local', { username: 'admin', password: 'password' }, '1h'));
    const loginRequest = socket.lastRequest;
    expect(loginRequest).toMatchObject({
      controller: 'auth',
      action: 'login',
      strategy: 'local',
      expiresIn: '1h',
      body: { username: 'admin' },
    });
    expect(loginRequest).not.toHaveProperty('jwt');

    socket.respond(loginRequest, { _id: 'admin', jwt: 'kauth-one', expiresAt: 1795657414986, ttl: 3600000 });
    expect(login.values).toEqual([{ _id: 'admin', jwt: 'kauth-one', expiresAt: 1795657414986, ttl: 3600000 }]);
    expect(kuzzle.jwt).toBe('kauth-one');

    observe(kuzzle.server.now());
    expect(socket.lastRequest).toMatchObject({ controller: 'server', action: 'now', jwt: 'kauth-one' });
  });

  it('sends no token before login', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    observe(kuzzle.server.now());
    expect(socket.lastRequest).not.toHaveProperty('jwt');
  });

  it('uses a token set by the caller', () => {
    const { kuzzle, connect } = setup();
    const socket = connect();
    kuzzle.jwt = 'kauth-given';
    observe(kuzzle.server.now());
    expect(socket.lastRequest['jwt']).toBe('kauth-given');
  });

  it('takes the token of a refreshToken result', () => {
    const { kuzzle, connect, login } = setup();
    const socket = connect();
    login(socket);
    observe(kuzzle.auth.refreshToken());
    expect(socket.lastRequest).toMatchObject({ action: 'refreshToken', jwt: 'kauth-one' });
    socket.respond(socket.lastRequest, { _id: 'admin', jwt: 'kauth-two', expiresAt: 1, ttl: 1 });
    expect(kuzzle.jwt).toBe('kauth-two');
  });

  it('drops the token after logout', () => {
    const { kuzzle, connect, login } = setup();
    const socket = connect();
    login(socket);
    observe(kuzzle.auth.logout());
    expect(socket.lastRequest).toMatchObject({ action: 'logout', jwt: 'kauth-one' });
    socket.respond(socket.lastRequest, null);
    expect(kuzzle.jwt).toBeNull();
    observe(kuzzle.server.now());
    expect(socket.lastRequest).not.toHaveProperty('jwt');
  });

  it.each(['security.token.invalid', 'security.token.expired'])(
    'drops the token and emits tokenExpired when a request fails with %s',
    (id) => {
      const { kuzzle, connect, login, events } = setup();
      const socket = connect();
      login(socket);
      const response = observe(kuzzle.server.now());
      socket.respondError(socket.lastRequest, { id, message: 'Invalid token.', status: 401, code: 117506049 });

      expect(nameAndMessage(response.error)).toEqual({ name: 'KuzzleError', message: 'Invalid token.' });
      expect(kuzzle.jwt).toBeNull();
      expect(events.filter((event) => event.type === 'tokenExpired')).toHaveLength(1);
      observe(kuzzle.server.now());
      expect(socket.lastRequest).not.toHaveProperty('jwt');
    },
  );

  it('keeps the token after other errors', () => {
    const { kuzzle, connect, login, events } = setup();
    const socket = connect();
    login(socket);
    observe(kuzzle.server.now());
    socket.respondError(socket.lastRequest, { id: 'security.rights.unauthorized', message: 'Unauthorized', status: 401 });
    expect(kuzzle.jwt).toBe('kauth-one');
    expect(events.some((event) => event.type === 'tokenExpired')).toBe(false);
  });

  it('keeps the token when a login attempt fails with a token error', () => {
    const { kuzzle, connect, login, events } = setup();
    const socket = connect();
    login(socket);
    observe(kuzzle.auth.login('local', {}));
    socket.respondError(socket.lastRequest, { id: 'security.token.invalid', message: 'Invalid token.', status: 401 });
    expect(kuzzle.jwt).toBe('kauth-one');
    expect(events.some((event) => event.type === 'tokenExpired')).toBe(false);
  });

  it('emits no tokenExpired for a token error when it held no token', () => {
    const { kuzzle, connect, events } = setup();
    const socket = connect();
    observe(kuzzle.server.now());
    socket.respondError(socket.lastRequest, { id: 'security.token.invalid', message: 'Invalid token.', status: 401 });
    expect(events.some((event) => event.type === 'tokenExpired')).toBe(false);
  });
});

describe('Kuzzle TokenExpired server notification', () => {
  it('drops the token, emits tokenExpired, and ends the subscriptions with TokenExpiredError', () => {
    const { kuzzle, connect, login, events } = setup();
    const socket = connect();
    login(socket);
    const notifications = observe(kuzzle.realtime.subscribe('i', 'c'));
    socket.respond(socket.lastRequest, SUBSCRIBED);

    socket.receiveJson(TOKEN_EXPIRED_NOTIFICATION);

    expect(kuzzle.jwt).toBeNull();
    expect(events.filter((event) => event.type === 'tokenExpired')).toHaveLength(1);
    expect(notifications.values).toEqual([]);
    expect(nameAndMessage(notifications.error)).toEqual({
      name: 'TokenExpiredError',
      message: 'Authentication token expired: the subscription was ended by the server',
    });
    expect(events.some((event) => event.type === 'discarded')).toBe(false);
  });

  it('logs in again with the authenticator and restores the subscriptions', () => {
    const { kuzzle, connect, login, events } = setup({
      authenticator: () => kuzzle.auth.login('local', { username: 'admin', password: 'password' }),
    });
    const socket = connect();
    login(socket);
    const notifications = observe(kuzzle.realtime.subscribe('i', 'c'));
    socket.respond(socket.lastRequest, SUBSCRIBED);

    socket.receiveJson(TOKEN_EXPIRED_NOTIFICATION);
    expect(socket.lastRequest).toMatchObject({ controller: 'auth', action: 'login' });
    socket.respond(socket.lastRequest, { _id: 'admin', jwt: 'kauth-two', expiresAt: 1, ttl: 1 });

    expect(socket.lastRequest).toMatchObject({
      controller: 'realtime',
      action: 'subscribe',
      index: 'i',
      collection: 'c',
      jwt: 'kauth-two',
    });
    socket.respond(socket.lastRequest, SUBSCRIBED);
    expect(events.map((event) => event.type).slice(-3)).toEqual(['tokenExpired', 'reauthenticated', 'resubscribed']);
    expect(notifications.error).toBeUndefined();
  });
});

describe('Kuzzle token check after a reconnection', () => {
  it('checks the token first on the new socket, then sends the waiting requests with it', () => {
    const { kuzzle, connect, login, events, runUntil } = setup();
    const first = connect();
    const jwt = login(first);
    first.serverClose(1006, '', false);
    const response = observe(kuzzle.server.now());
    runUntil(50);
    const second = FakeWebSocket.last;
    second.open();

    expect(second.requests).toEqual([expect.objectContaining({ controller: 'auth', action: 'checkToken', body: { token: jwt } })]);
    expect(second.lastRequest).not.toHaveProperty('jwt');
    expect(events.some((event) => event.type === 'reconnected')).toBe(false);

    second.respond(second.lastRequest, { valid: true, expiresAt: 1795657414986 });
    expect(events.at(-1)).toEqual({ type: 'reconnected' });
    expect(second.lastRequest).toMatchObject({ controller: 'server', action: 'now', jwt });
    second.respond(second.lastRequest, { now: 3 });
    expect(response.values).toEqual([3]);
  });

  it('drops a token the server no longer accepts and emits tokenExpired before reconnected', () => {
    const { kuzzle, connect, reconnect, login, events } = setup();
    login(connect());
    const second = reconnect();
    second.respond(second.lastRequest, { valid: false, state: 'Json Web Token Error' });

    expect(kuzzle.jwt).toBeNull();
    expect(events.map((event) => event.type).slice(-2)).toEqual(['tokenExpired', 'reconnected']);
  });

  it('reconnects even when the check fails', () => {
    const { kuzzle, connect, reconnect, login, events } = setup();
    login(connect());
    const second = reconnect();
    second.respondError(second.lastRequest, { id: 'api.process.overloaded', message: 'Overloaded', status: 503 });

    expect(events.at(-1)).toEqual({ type: 'reconnected' });
    expect(kuzzle.jwt).toBe('kauth-one');
  });

  it('does not check when it holds no token', () => {
    const { connect, reconnect, events } = setup();
    connect();
    const second = reconnect();
    expect(second.requests).toEqual([]);
    expect(events.at(-1)).toEqual({ type: 'reconnected' });
  });

  it('does not check on the first connection', () => {
    const { kuzzle, connect } = setup();
    kuzzle.jwt = 'kauth-given';
    const socket = connect();
    expect(socket.requests).toEqual([]);
  });
});
