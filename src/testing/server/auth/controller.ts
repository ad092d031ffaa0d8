import type { ControllerActions, RequestContext } from '../context';
import { kerror } from '../errors';
import type { JsonObject } from '../json';
import { authCookie, CLEARED_AUTH_COOKIE } from './cookies';
import { parseTimespan } from './timespan';
import type { TokenRecord } from './tokens';
import { ANONYMOUS_ID } from './users';

function assertAuthenticated(ctx: RequestContext): TokenRecord {
  if (ctx.token === null || ctx.user._id === ANONYMOUS_ID) {
    throw kerror('security.rights.unauthorized', 'auth', ctx.request.action ?? '');
  }
  return ctx.token;
}

function ttlOf(ctx: RequestContext): number {
  const ttl = parseTimespan(ctx.request.arg('expiresIn') ?? ctx.kernel.options.tokenTtl);
  if (ttl === 0) {
    throw kerror('api.assert.invalid_argument', 'expiresIn', 'a number of milliseconds, or a parsable timespan string');
  }
  return ttl;
}

/** With `cookieAuth`, the token travels in `Set-Cookie` only, never in the body. */
function sendToken(ctx: RequestContext, token: TokenRecord): JsonObject {
  const result: JsonObject = { _id: token.userId, expiresAt: token.expiresAt, jwt: token.jwt, ttl: token.ttl };
  if (ctx.request.getBoolean('cookieAuth')) {
    ctx.setCookie(authCookie(token.jwt, token.expiresAt));
    delete result['jwt'];
  }
  return result;
}

function credential(body: JsonObject | null, name: string): string | undefined {
  const value = body?.[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function login(ctx: RequestContext): JsonObject {
  const { request, kernel, connection } = ctx;
  const strategy = request.getString('strategy');
  if (strategy === undefined) {
    throw kerror('api.assert.missing_argument', 'strategy');
  }
  if (strategy !== 'local') {
    throw kerror('security.credentials.unknown_strategy', strategy);
  }
  const username = credential(request.body, 'username');
  const password = credential(request.body, 'password');
  if (username === undefined || password === undefined) {
    throw kerror('plugin.strategy.missing_user', 'Missing credentials');
  }
  const userId = kernel.users.verify(username, password);
  if (userId === undefined) {
    throw kerror('plugin.strategy.missing_user', 'wrong username or password');
  }
  const linked = kernel.links.tokenOf(connection.id);
  const existing = linked === undefined ? undefined : safeVerify(ctx, linked);
  if (existing !== undefined && existing.userId === userId && existing.ttl < 0) {
    return sendToken(ctx, existing);
  }
  const token = kernel.tokens.create(userId, ttlOf(ctx));
  if (existing !== undefined && existing.userId === userId && existing.jwt !== token.jwt) {
    kernel.links.transfer(existing.jwt, token.jwt);
  }
  if (connection.protocol === 'websocket') {
    kernel.links.link(token.jwt, connection.id);
  }
  return sendToken(ctx, token);
}

function safeVerify(ctx: RequestContext, jwt: string): TokenRecord | undefined {
  try {
    return ctx.kernel.tokens.verify(jwt);
  } catch {
    return undefined;
  }
}

/**
 * Without `cookieAuth`, logout needs a user. Like the real server, with `cookieAuth` the cookie is not
 * even verified, so `?cookieAuth` alone clears the cookie without revoking the token.
 */
function logout(ctx: RequestContext): JsonObject {
  const { request, kernel, connection } = ctx;
  if (!request.getBoolean('cookieAuth')) {
    assertAuthenticated(ctx);
  }
  if (connection.protocol === 'websocket') {
    kernel.links.unlink(connection.id);
  }
  if (ctx.token !== null && ctx.user._id !== ANONYMOUS_ID) {
    if (request.getBoolean('global')) {
      kernel.tokens.revokeAllOf(ctx.user._id);
    } else {
      kernel.tokens.revoke(ctx.token.jwt);
    }
  }
  if (request.getBoolean('cookieAuth')) {
    ctx.setCookie(CLEARED_AUTH_COOKIE);
  }
  return { acknowledged: true };
}

function checkToken(ctx: RequestContext): JsonObject {
  const { request } = ctx;
  let jwt: string | null;
  if (request.getBoolean('cookieAuth')) {
    jwt = request.jwt;
  } else {
    const token = request.body?.['token'];
    if (token !== undefined && token !== null && typeof token !== 'string') {
      throw kerror('api.assert.invalid_type', 'body.token', 'string');
    }
    jwt = token === undefined || token === null || token === '' ? null : token;
  }
  if (jwt === null) {
    return { expiresAt: null, kuid: ANONYMOUS_ID, valid: true };
  }
  const record = safeVerify(ctx, jwt);
  return record === undefined
    ? { state: 'Invalid token.', valid: false }
    : { expiresAt: record.expiresAt, kuid: record.userId, valid: true };
}

function refreshToken(ctx: RequestContext): JsonObject {
  const token = assertAuthenticated(ctx);
  return sendToken(ctx, ctx.kernel.tokens.refresh(token, ttlOf(ctx)));
}

/** The `auth` controller (local strategy only). */
export const authActions: ControllerActions = {
  login,
  logout,
  checkToken,
  refreshToken,
  getCurrentUser: (ctx) => ({ _id: ctx.user._id, _source: ctx.user._source, strategies: ctx.user.strategies }),
  getStrategies: () => ['local'],
};
