import nodeFetch from 'node-fetch';
import { filter, firstValueFrom, timer } from 'rxjs';
import { HttpTransportError, KuzzleError, type FetchLike, type Kuzzle } from '../../src';
import { client, nextEvent, record, startTarget, targetNames, uniqueName, USER, waitFor, type Target } from '../support/targets';

/** The global fetch, recording every authToken the server sets, to check afterwards what the server accepts. */
function recordingFetch(tokens: string[]): FetchLike {
  return async (url, init) => {
    const response = await fetch(url, init);
    for (const header of response.headers.getSetCookie()) {
      const match = /^authToken=([^;]*)/.exec(header);
      if (match?.[1] && match[1] !== 'null') tokens.push(match[1]);
    }
    return response;
  };
}

async function currentUserWithCookie(target: Target, token: string): Promise<{ status: number; id?: string }> {
  const response = await fetch(`${target.httpUrl}/_me`, { headers: { cookie: `authToken=${token}` } });
  const body = (await response.json()) as { result?: { _id?: string }; error?: { id?: string } };
  return {
    status: response.status,
    ...(body.result?._id ? { id: body.result._id } : {}),
    ...(body.error?.id ? { id: body.error.id } : {}),
  };
}

describe.each(targetNames())('cookie authentication in Node on the %s server', (name) => {
  let target: Target;
  let kuzzle: Kuzzle;
  let other: Kuzzle;
  let tokens: string[];

  beforeAll(async () => {
    target = await startTarget(name);
  });
  afterAll(async () => {
    await target.stop();
  });
  beforeEach(async () => {
    tokens = [];
    kuzzle = client(target, {}, { cookieAuth: true, fetch: recordingFetch(tokens) });
    other = client(target);
    await firstValueFrom(kuzzle.connect());
    await firstValueFrom(other.connect());
  });
  afterEach(() => {
    kuzzle.disconnect();
    other.disconnect();
  });

  it('logs in over HTTP and gets the user over the reopened socket, never exposing the token', async () => {
    const states = record(kuzzle.state$);
    const events = record(kuzzle.events$.pipe(filter((e) => e.type === 'disconnected' || e.type === 'reconnected')));
    const login = await firstValueFrom(kuzzle.auth.login('local', USER, '1h'));
    expect(login).toMatchObject({ _id: USER.username, ttl: 3_600_000 });
    expect(login.jwt).toBeUndefined();
    expect(kuzzle.jwt).toBeNull();
    expect((await firstValueFrom(kuzzle.auth.getCurrentUser()))._id).toBe(USER.username);
    expect(events.values).toEqual([{ type: 'disconnected', origin: 'reopen', code: 1000, reason: 'reopen' }, { type: 'reconnected' }]);
    expect(states.values).not.toContain('offline');
    expect(tokens).toHaveLength(1);
  });

  it('answers a request issued during the renewal', async () => {
    const login = firstValueFrom(kuzzle.auth.login('local', USER, '1h'));
    const during = firstValueFrom(kuzzle.server.now());
    await login;
    expect(typeof (await during)).toBe('number');
  });

  it('keeps subscriptions through login, refreshToken and logout', async () => {
    const index = uniqueName('ck').replace(/-/g, '');
    const received = record(kuzzle.realtime.subscribe(index, 'c', {}));
    await nextEvent(kuzzle, 'subscribed');
    const publish = async (step: string) => {
      const before = received.values.length;
      await firstValueFrom(other.realtime.publish(index, 'c', { step }));
      await waitFor(() => received.values.length > before);
    };
    await firstValueFrom(kuzzle.auth.login('local', USER, '1h'));
    await publish('after login');
    await firstValueFrom(timer(1100)); // a new token needs a new second (iat is in seconds)
    await firstValueFrom(kuzzle.auth.refreshToken('1h'));
    await publish('after refresh');
    await firstValueFrom(kuzzle.auth.logout());
    await publish('after logout');
    expect(received.errors).toEqual([]);
    received.stop();
  });

  it('ends the session for real on logout: the old token is refused', async () => {
    await firstValueFrom(kuzzle.auth.login('local', USER, '1h'));
    const [token] = tokens;
    expect(token).toBeDefined();
    expect((await currentUserWithCookie(target, token ?? '')).id).toBe(USER.username);
    await firstValueFrom(kuzzle.auth.logout());
    expect((await firstValueFrom(kuzzle.auth.getCurrentUser()))._id).toBe('-1');
    expect(await currentUserWithCookie(target, token ?? '')).toMatchObject({ status: 401, id: 'security.token.invalid' });
  });

  it('keeps the session alive past the old token expiry with refreshToken', async () => {
    await firstValueFrom(kuzzle.auth.login('local', USER, '3s'));
    await firstValueFrom(timer(1100));
    await firstValueFrom(kuzzle.auth.refreshToken('1h'));
    // Past the old token's expiry and its 1 s grace period.
    await firstValueFrom(timer(3500));
    expect((await firstValueFrom(kuzzle.auth.getCurrentUser()))._id).toBe(USER.username);
  });

  it('errors with a KuzzleError on wrong credentials and reopens the socket', async () => {
    const error = await firstValueFrom(kuzzle.auth.login('local', { username: USER.username, password: 'wrong' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KuzzleError);
    expect((error as KuzzleError).status).toBe(401);
    expect(typeof (await firstValueFrom(kuzzle.server.now()))).toBe('number');
  });

  it('errors with HttpTransportError when the HTTP call fails, and reopens the socket', async () => {
    const broken = client(target, {}, { cookieAuth: true, fetch: () => Promise.reject(new Error('network down')) });
    await firstValueFrom(broken.connect());
    const error = await firstValueFrom(broken.auth.login('local', USER)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpTransportError);
    expect((error as Error).message).toContain('network down');
    expect(typeof (await firstValueFrom(broken.server.now()))).toBe('number');
    broken.disconnect();
  });

  it('works with node-fetch 2 as the fetch implementation', async () => {
    const withNodeFetch = client(target, {}, { cookieAuth: true, fetch: nodeFetch as unknown as FetchLike });
    await firstValueFrom(withNodeFetch.connect());
    await firstValueFrom(withNodeFetch.auth.login('local', USER, '1h'));
    expect((await firstValueFrom(withNodeFetch.auth.getCurrentUser()))._id).toBe(USER.username);
    withNodeFetch.disconnect();
  });
});
