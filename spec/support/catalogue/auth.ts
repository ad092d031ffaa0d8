import type { CatalogueRow } from './row';

// Results as Kuzzle 2.56 answers them (tokens shortened where nothing decodes them).
const JWT =
  'kauth-eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJfaWQiOiJyeHVzZXIiLCJpYXQiOjE3OTYxNDI2NTYsImV4cCI6MTc5NjE0NjI1Nn0.rgaCrysJi26wnO7ClfwuMQs_b8wiXNSNX-b5mq75OHE';
const login = { _id: 'rxuser', expiresAt: 1796146256937, jwt: JWT, ttl: 3600000 };
const info = { createdAt: 1796143297903, updatedAt: null, updater: null };
const user = { _id: 'rxuser', _source: { profileIds: ['default'], name: 'Rx', _kuzzle_info: info } };
const keySource = { description: 'ci key', expiresAt: 1796146898570, fingerprint: 'a74f6ba7f43a3e1b', ttl: 3600000, userId: 'rxuser' };
const apiKey = { _id: 'cikey', _source: { ...keySource, _kuzzle_info: { author: 'rxuser', ...info }, token: 'kapikey-eyJ…' } };
const credentials = { username: 'rxuser', kuid: 'rxuser' };
const rights = [{ action: '*', collection: '*', controller: '*', index: '*', value: 'allowed' }];

const COOKIE_FLAG = 'kuzzle-sdk sends `cookieAuth: false` outside cookie mode; kuzzle-rx sends the flag only where it matters';

/** The auth controller's calls. */
export const authRows: readonly CatalogueRow[] = [
  {
    controller: 'auth',
    method: 'login',
    args: ['local', { username: 'rxuser', password: 'pw' }, '1h'],
    result: login,
    emits: login,
    frameDiffers: ['cookieAuth'],
    differs: `emits the whole result (id, token, expiry) where kuzzle-sdk resolves to the bare token; ${COOKIE_FLAG}`,
  },
  {
    controller: 'auth',
    method: 'login',
    args: ['local', { username: 'rxuser', password: 'pw' }],
    result: login,
    emits: login,
    frameDiffers: ['cookieAuth'],
    differs: `emits the whole result (id, token, expiry) where kuzzle-sdk resolves to the bare token; ${COOKIE_FLAG}`,
  },
  { controller: 'auth', method: 'logout', args: [], result: { acknowledged: true }, frameDiffers: ['cookieAuth'], differs: COOKIE_FLAG },
  {
    controller: 'auth',
    method: 'logout',
    args: [{ global: true }],
    result: { acknowledged: true },
    frameDiffers: ['cookieAuth'],
    differs: COOKIE_FLAG,
  },
  {
    controller: 'auth',
    method: 'checkToken',
    args: [JWT],
    result: { expiresAt: 1796146256937, kuid: 'rxuser', valid: true },
    frameDiffers: ['cookieAuth'],
    differs: COOKIE_FLAG,
  },
  {
    controller: 'auth',
    method: 'checkToken',
    args: [],
    result: { expiresAt: null, kuid: '-1', valid: true },
    frameDiffers: ['cookieAuth'],
    differs: COOKIE_FLAG,
  },
  {
    controller: 'auth',
    method: 'checkToken',
    args: ['kauth-expired'],
    result: { state: 'Invalid token.', valid: false },
    frameDiffers: ['cookieAuth'],
    differs: COOKIE_FLAG,
  },
  {
    controller: 'auth',
    method: 'getCurrentUser',
    args: [],
    result: { ...user, strategies: ['local'] },
    emits: { ...user, profileIds: ['default'], strategies: ['local'] },
    differs: "a plain object, not a User: its profileIds beside _source, the server's strategies kept, no content alias",
  },
  {
    controller: 'auth',
    method: 'refreshToken',
    args: [],
    result: login,
    frameDiffers: ['cookieAuth'],
    differs: COOKIE_FLAG,
  },
  {
    controller: 'auth',
    method: 'refreshToken',
    args: [{ expiresIn: '2h', strategy: 'local' }],
    result: { ...login, ttl: 7200000 },
    frameDiffers: ['cookieAuth'],
    differs: COOKIE_FLAG,
  },
  {
    controller: 'auth',
    method: 'refreshToken',
    args: ['2h'],
    sdk: false,
    result: { ...login, ttl: 7200000 },
    frames: [{ controller: 'auth', action: 'refreshToken', expiresIn: '2h' }],
    emits: { ...login, ttl: 7200000 },
  },
  {
    controller: 'auth',
    method: 'checkRights',
    args: [{ controller: 'document', action: 'create', index: 'i', collection: 'c' }],
    result: { allowed: true },
  },
  { controller: 'auth', method: 'getMyRights', args: [], result: { hits: rights, total: 1 } },
  { controller: 'auth', method: 'getStrategies', args: [], result: ['local'] },
  {
    controller: 'auth',
    method: 'updateSelf',
    args: [{ name: 'Changed' }, { refresh: 'wait_for', retryOnConflict: 3 }],
    result: { _id: 'rxuser', _source: { ...user._source, name: 'Changed' } },
    emits: { _id: 'rxuser', _source: { ...user._source, name: 'Changed' }, profileIds: ['default'] },
    differs: 'a plain object, not a User: its profileIds beside _source, no content alias',
  },
  {
    controller: 'auth',
    method: 'createMyCredentials',
    args: ['local', { username: 'rxuser', password: 'pw' }],
    result: { username: 'rxuser' },
  },
  { controller: 'auth', method: 'updateMyCredentials', args: ['local', { password: 'pw2' }], result: credentials },
  { controller: 'auth', method: 'validateMyCredentials', args: ['local', { username: 'rxuser', password: 'pw' }], result: true },
  { controller: 'auth', method: 'credentialsExist', args: ['local'], result: true },
  { controller: 'auth', method: 'getMyCredentials', args: ['local'], result: credentials },
  { controller: 'auth', method: 'deleteMyCredentials', args: ['local'], result: { acknowledged: true } },
  { controller: 'auth', method: 'createApiKey', args: ['ci key'], result: apiKey },
  { controller: 'auth', method: 'createApiKey', args: ['ci key', { _id: 'cikey', expiresIn: '1h', refresh: 'wait_for' }], result: apiKey },
  { controller: 'auth', method: 'deleteApiKey', args: ['cikey', { refresh: 'wait_for' }], result: { _id: 'cikey' } },
  {
    controller: 'auth',
    method: 'searchApiKeys',
    args: [{ match: { description: 'ci' } }, { from: 0, size: 5, lang: 'elasticsearch' }],
    result: { hits: [{ _id: 'cikey', _source: keySource }], total: 1 },
    emits: { hits: [{ _id: 'cikey', _source: keySource }], total: 1, fetched: 1 },
    differs: 'a search page (hits, total, fetched and next()) where kuzzle-sdk resolves to the raw { hits, total }',
  },
  {
    controller: 'auth',
    method: 'searchApiKeys',
    args: [],
    result: { hits: [], total: 0 },
    emits: { hits: [], total: 0, fetched: 0 },
    differs: 'a search page (hits, total, fetched and next()) where kuzzle-sdk resolves to the raw { hits, total }',
  },
  {
    controller: 'auth',
    method: 'createToken',
    args: [{ expiresIn: '10m', singleUse: true }],
    sdk: false,
    result: { expiresAt: 1796143898609, singleUse: true, token: 'kauth-eyJ…', ttl: 600000 },
    frames: [{ controller: 'auth', action: 'createToken', expiresIn: '10m', singleUse: true }],
    emits: { expiresAt: 1796143898609, singleUse: true, token: 'kauth-eyJ…', ttl: 600000 },
  },
  {
    controller: 'auth',
    method: 'createToken',
    args: [],
    sdk: false,
    result: { expiresAt: 1796146898609, singleUse: false, token: 'kauth-eyJ…', ttl: 3600000 },
    frames: [{ controller: 'auth', action: 'createToken' }],
    emits: { expiresAt: 1796146898609, singleUse: false, token: 'kauth-eyJ…', ttl: 3600000 },
  },
];
