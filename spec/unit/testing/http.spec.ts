import { EmbeddedKuzzleServer } from '../../../src/testing';
import { sleep, WsClient } from './ws-client';

const USER = { username: 'alice', password: 'secret' };
const COOKIE = /^authToken=(kauth-[\w.-]+); Path=\/; Expires=([^;]+); HttpOnly; SameSite=Strict$/;

interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

describe('EmbeddedKuzzleServer HTTP', () => {
  let server: EmbeddedKuzzleServer;

  const http = async (
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<HttpAnswer> => {
    const response = await fetch(`${server.httpUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...options.headers },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  };
  const cookieLogin = async (): Promise<{ cookie: string; jwt: string; answer: HttpAnswer }> => {
    const answer = await http('POST', '/_login/local?cookieAuth=true', { body: USER });
    const setCookie = answer.headers.getSetCookie()[0] ?? '';
    const jwt = COOKIE.exec(setCookie)?.[1] ?? '';
    return { cookie: `authToken=${jwt}`, jwt, answer };
  };

  beforeEach(async () => {
    server = await EmbeddedKuzzleServer.start({ users: [USER] });
  });

  afterEach(async () => {
    await server.stop();
  });

  it('serves server:now and server:info with the WebSocket body minus room', async () => {
    const now = await http('GET', '/_now', { headers: { 'x-kuzzle-volatile': '{"from":"http"}' } });
    expect(now.status).toBe(200);
    expect(Object.keys(now.body)).toEqual(['action', 'controller', 'error', 'headers', 'requestId', 'result', 'status', 'volatile']);
    expect(now.body).toMatchObject({ action: 'now', controller: 'server', volatile: { from: 'http' } });
    expect(now.headers.get('x-kuzzle-request-id')).toBe(now.body['requestId']);
    const info = await http('GET', '/');
    expect(info.body['result']).toMatchObject({
      serverInfo: {
        kuzzle: {
          version: '2.56.0',
          api: {
            routes: { server: { now: { action: 'now', controller: 'server', http: [{ path: '/_now', url: '/_now', verb: 'GET' }] } } },
          },
        },
      },
    });
  });

  it('answers CORS like the real server: origin echoed with credentials, preflight accepted', async () => {
    const withOrigin = await http('GET', '/_now', { headers: { origin: 'http://app.test' } });
    expect(withOrigin.headers.get('access-control-allow-origin')).toBe('http://app.test');
    expect(withOrigin.headers.get('access-control-allow-credentials')).toBe('true');
    expect(withOrigin.headers.get('vary')).toBe('Origin');
    expect(withOrigin.headers.get('access-control-allow-headers')).toContain('X-Kuzzle-Volatile');
    const withoutOrigin = await http('GET', '/_now');
    expect(withoutOrigin.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await http('OPTIONS', '/_login/local', {
      headers: { origin: 'http://app.test', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,POST,PUT,PATCH,DELETE,OPTIONS,HEAD');
    expect(preflight.body['result']).toEqual({});
  });

  it('reports unknown routes and unparsable bodies with the real errors', async () => {
    const unknown = await http('GET', '/_nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body['error']).toMatchObject({ id: 'network.http.url_not_found', message: 'API URL not found: /_nope.' });
    const response = await fetch(`${server.httpUrl}/_checkToken`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'nojson',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: 50397196,
      id: 'network.http.body_parse_failed',
      message: 'Unable to convert the HTTP body to JSON: nojson',
      props: ['nojson'],
      status: 400,
    });
  });

  it('logs in with a bearer-usable jwt, or with a cookie and no jwt under cookieAuth', async () => {
    const plain = await http('POST', '/_login/local', { body: USER });
    const jwt = String((plain.body['result'] as Record<string, unknown>)['jwt']);
    expect(plain.headers.getSetCookie()).toEqual([]);
    const me = await http('GET', '/_me', { headers: { authorization: `Bearer ${jwt}` } });
    expect((me.body['result'] as Record<string, unknown>)['_id']).toBe('alice');

    const { cookie, answer } = await cookieLogin();
    expect(answer.body['result']).toEqual({ _id: 'alice', expiresAt: expect.any(Number), ttl: 3_600_000 });
    const expires = COOKIE.exec(answer.headers.getSetCookie()[0] ?? '')?.[2] ?? '';
    expect(new Date(expires).getTime()).toBe(
      Math.floor(Number((answer.body['result'] as Record<string, unknown>)['expiresAt']) / 1000) * 1000,
    );
    const cookieMe = await http('GET', '/_me', { headers: { cookie } });
    expect((cookieMe.body['result'] as Record<string, unknown>)['_id']).toBe('alice');
    const both = await http('GET', '/_me', { headers: { cookie, authorization: `Bearer ${jwt}` } });
    expect(both.status).toBe(500);
    expect(both.body['error']).toMatchObject({ id: 'security.token.verification_error' });
  });

  it('lets the login cookie authenticate a WebSocket opened afterwards', async () => {
    const { cookie } = await cookieLogin();
    const client = await WsClient.open(server.url, { cookie });
    const me = await client.request({ controller: 'auth', action: 'getCurrentUser' });
    expect((me['result'] as Record<string, unknown>)['_id']).toBe('alice');
    client.close();
  });

  it('refreshes into a new cookie; the old token dies after the grace period', async () => {
    const { cookie, jwt } = await cookieLogin();
    await sleep(1000);
    const refreshed = await http('POST', '/_refreshToken?cookieAuth', { headers: { cookie } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body['result']).not.toHaveProperty('jwt');
    const fresh = COOKIE.exec(refreshed.headers.getSetCookie()[0] ?? '')?.[1] ?? '';
    expect(fresh).not.toBe(jwt);
    await sleep(1100);
    expect((await http('GET', '/_me', { headers: { cookie } })).body['error']).toMatchObject({ id: 'security.token.invalid' });
    expect((await http('GET', '/_me', { headers: { cookie: `authToken=${fresh}` } })).status).toBe(200);
  });

  it('logs out: an authenticated logout revokes the token and clears the cookie', async () => {
    const { cookie } = await cookieLogin();
    const out = await http('POST', '/_logout', { headers: { cookie } });
    expect(out.body['result']).toEqual({ acknowledged: true });
    expect(out.headers.getSetCookie()).toEqual(['authToken=null; Path=/; HttpOnly; SameSite=Strict']);
    expect((await http('GET', '/_me', { headers: { cookie } })).body['error']).toMatchObject({ id: 'security.token.invalid' });
  });

  it('logs out with ?cookieAuth like the real server: the cookie is cleared but the token is not revoked', async () => {
    const { cookie } = await cookieLogin();
    const out = await http('POST', '/_logout?cookieAuth=true', { headers: { cookie } });
    expect(out.headers.getSetCookie()).toEqual(['authToken=null; Path=/; HttpOnly; SameSite=Strict']);
    expect((await http('GET', '/_me', { headers: { cookie } })).status).toBe(200);
  });

  it('checks the cookie token with ?cookieAuth, the body token otherwise', async () => {
    const { cookie } = await cookieLogin();
    const viaCookie = await http('POST', '/_checkToken?cookieAuth', { headers: { cookie }, body: {} });
    expect(viaCookie.body['result']).toMatchObject({ valid: true, kuid: 'alice' });
    const viaBody = await http('POST', '/_checkToken', { body: { token: 'garbage' } });
    expect(viaBody.body['result']).toEqual({ state: 'Invalid token.', valid: false });
  });

  it('keeps serving HTTP while WebSocket upgrades are refused', async () => {
    server.refuseConnections(true);
    expect((await http('GET', '/_now')).status).toBe(200);
  });
});
