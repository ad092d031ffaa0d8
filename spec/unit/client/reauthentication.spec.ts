import { cold, getTestScheduler } from 'jasmine-marbles';
import { defer, map, type Observable } from 'rxjs';
import type { Kuzzle } from '../../../src/client/kuzzle';
import type { KuzzleOptions } from '../../../src/client/options';
import { clientHarness, nameAndMessage, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';

const SUBSCRIBED = { roomId: 'room-1', channel: 'room-1-111' };
const TOKEN_EXPIRED_NOTIFICATION = {
  status: 200,
  info: 'This is an automated server notification',
  message: 'Authentication Token Expired',
  type: 'TokenExpired',
  room: 'kuzzle:notification:server',
};

function setup(options: (kuzzle: () => Kuzzle) => KuzzleOptions = () => ({})) {
  const holder: { kuzzle?: Kuzzle } = {};
  const harness = clientHarness({ kuzzle: options(() => holder.kuzzle as Kuzzle) });
  holder.kuzzle = harness.kuzzle;
  const login = (socket: FakeWebSocket, jwt: string) => {
    harness.kuzzle.auth.login('local', { username: 'admin', password: 'password' }, '1s').subscribe();
    socket.respond(socket.lastRequest, { _id: 'admin', jwt, expiresAt: 1, ttl: 1000 });
  };
  return { ...harness, login };
}

/** An authenticator that logs in again with the user's credentials. */
const relogin = (kuzzle: () => Kuzzle) => (): Observable<unknown> =>
  defer(() => kuzzle().auth.login('local', { username: 'admin', password: 'password' }));

const actions = (socket: FakeWebSocket): string[] => socket.requests.map((request) => `${request.controller}:${request.action}`);

beforeEach(() => FakeWebSocket.reset());

describe('re-authentication when the token expired while the link was down', () => {
  it('runs the authenticator before the subscriptions are restored, so they come back under the user', () => {
    const { connect, reconnect, login, events, kuzzle } = setup((k) => ({ authenticator: relogin(k) }));
    const first = connect();
    login(first, 'kauth-one');
    const notifications = observe(kuzzle.realtime.subscribe('i', 'c', {}));
    first.respond(first.lastRequest, SUBSCRIBED);

    const second = reconnect();
    expect(actions(second)).toEqual(['auth:checkToken']);
    second.respond(second.lastRequest, { valid: false, state: 'Json Web Token Error' });

    // The login goes out while the client is still reconnecting: nothing else does.
    expect(actions(second)).toEqual(['auth:checkToken', 'auth:login']);
    expect(second.lastRequest).not.toHaveProperty('jwt');
    second.respond(second.lastRequest, { _id: 'admin', jwt: 'kauth-two', expiresAt: 2, ttl: 1000 });

    expect(actions(second)).toEqual(['auth:checkToken', 'auth:login', 'realtime:subscribe']);
    expect(second.lastRequest).toMatchObject({ jwt: 'kauth-two', index: 'i', collection: 'c' });
    second.respond(second.lastRequest, SUBSCRIBED);

    expect(kuzzle.jwt).toBe('kauth-two');
    expect(events.map((event) => event.type).slice(-4)).toEqual(['tokenExpired', 'reauthenticated', 'resubscribed', 'reconnected']);
    expect(notifications.error).toBeUndefined();
  });

  it('holds the requests made meanwhile until the session is renewed, then sends them with the new token', () => {
    const { connect, login, kuzzle, runUntil } = setup((k) => ({ authenticator: relogin(k) }));
    const first = connect();
    login(first, 'kauth-one');
    first.serverClose(1006, '', false);
    const now = observe(kuzzle.server.now());
    runUntil(50);
    const second = FakeWebSocket.last;
    second.open();
    second.respond(second.lastRequest, { valid: false, state: 'Json Web Token Error' });
    expect(actions(second)).toEqual(['auth:checkToken', 'auth:login']);

    second.respond(second.lastRequest, { _id: 'admin', jwt: 'kauth-two', expiresAt: 2, ttl: 1000 });
    expect(second.lastRequest).toMatchObject({ controller: 'server', action: 'now', jwt: 'kauth-two' });
    second.respond(second.lastRequest, { now: 7 });
    expect(now.values).toEqual([7]);
  });

  it('ends the subscriptions with TokenExpiredError when the authenticator fails, and reconnects anyway', () => {
    const { connect, reconnect, login, events, kuzzle } = setup((k) => ({ authenticator: relogin(k) }));
    const first = connect();
    login(first, 'kauth-one');
    const notifications = observe(kuzzle.realtime.subscribe('i', 'c', {}));
    first.respond(first.lastRequest, SUBSCRIBED);

    const second = reconnect();
    second.respond(second.lastRequest, { valid: false, state: 'Json Web Token Error' });
    second.respondError(second.lastRequest, { id: 'security.credentials.invalid', message: 'wrong password', status: 401 });

    expect(nameAndMessage(notifications.error)).toEqual({
      name: 'TokenExpiredError',
      message: 'Authentication token expired and re-authentication failed: wrong password',
    });
    expect(events.at(-1)).toEqual({ type: 'reconnected' });
    expect(actions(second)).toEqual(['auth:checkToken', 'auth:login']);
  });

  it('without an authenticator, restores the subscriptions as the anonymous user and says the token expired', () => {
    const { connect, reconnect, login, events, kuzzle } = setup();
    const first = connect();
    login(first, 'kauth-one');
    observe(kuzzle.realtime.subscribe('i', 'c', {}));
    first.respond(first.lastRequest, SUBSCRIBED);

    const second = reconnect();
    second.respond(second.lastRequest, { valid: false, state: 'Json Web Token Error' });
    expect(second.lastRequest).toMatchObject({ controller: 'realtime', action: 'subscribe' });
    expect(second.lastRequest).not.toHaveProperty('jwt');
    expect(kuzzle.jwt).toBeNull();
    expect(events.map((event) => event.type)).toContain('tokenExpired');
  });
});

describe('re-authentication after a TokenExpired notification', () => {
  it('runs one authenticator at a time however many notifications come (exhaustMap)', () => {
    const { connect, login, kuzzle } = setup((k) => ({ authenticator: relogin(k) }));
    const socket = connect();
    login(socket, 'kauth-one');
    observe(kuzzle.realtime.subscribe('i', 'c', {}));
    socket.respond(socket.lastRequest, SUBSCRIBED);

    socket.receiveJson(TOKEN_EXPIRED_NOTIFICATION);
    socket.receiveJson(TOKEN_EXPIRED_NOTIFICATION);
    expect(actions(socket).filter((action) => action === 'auth:login')).toHaveLength(2); // the first login, and one renewal
  });

  it('is cancelled by disconnect(): the pending login is forgotten and nothing is restored', () => {
    const { connect, login, kuzzle, events } = setup((k) => ({ authenticator: relogin(k) }));
    const socket = connect();
    login(socket, 'kauth-one');
    const notifications = observe(kuzzle.realtime.subscribe('i', 'c', {}));
    socket.respond(socket.lastRequest, SUBSCRIBED);

    socket.receiveJson(TOKEN_EXPIRED_NOTIFICATION);
    const pendingLogin = socket.lastRequest;
    kuzzle.disconnect();
    expect(events.map((event) => event.type)).not.toContain('reauthenticated');
    expect(nameAndMessage(notifications.error)).toMatchObject({ name: 'SubscriptionLostError' });
    expect(pendingLogin).toMatchObject({ controller: 'auth', action: 'login' });
  });
});

describe('re-authentication in virtual time', () => {
  it('waits for the authenticator, however long it takes, before restoring the subscriptions', () => {
    const scheduler = getTestScheduler();
    // The authenticator completes 3 frames after it is subscribed.
    const authenticator = cold('---(a|)', { a: 'logged in' });
    const { connect, reconnect, login, kuzzle, events } = setup(() => ({ authenticator: () => authenticator.pipe(map(() => undefined)) }));
    const first = connect();
    login(first, 'kauth-one');
    observe(kuzzle.realtime.subscribe('i', 'c', {}));
    first.respond(first.lastRequest, SUBSCRIBED);
    const second = reconnect();
    scheduler.schedule(() => second.respond(second.lastRequest, { valid: false, state: 'Json Web Token Error' }), 10);
    scheduler.schedule(() => expect(actions(second)).toEqual(['auth:checkToken']), 30);
    scheduler.flush();

    expect(authenticator).toHaveSubscriptions('-^--!');
    expect(actions(second)).toEqual(['auth:checkToken', 'realtime:subscribe']);
    expect(events.map((event) => event.type).slice(-2)).toEqual(['tokenExpired', 'reauthenticated']);
  });
});
