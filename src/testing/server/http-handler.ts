import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timer } from 'rxjs';
import type { ClientConnection } from './connections';
import { corsHeaders } from './cors';
import { kerror, type KuzzleErrorData } from './errors';
import type { Faults } from './faults';
import { responseBody, type Outcome } from './frames';
import { execute } from './funnel';
import { flattenHeaders } from './headers';
import { matchRoute } from './http-routes';
import { isJsonObject, type JsonObject, type JsonValue } from './json';
import type { Kernel } from './kernel';
import { ServerRequest, type HeaderMap } from './request';

const RESOURCE_PARAMS = new Set(['index', 'collection', '_id']);

function parseJsonObject(text: string | undefined): JsonObject | null {
  if (text === undefined) {
    return null;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return isJsonObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function bearerToken(authorization: string | undefined): string | undefined {
  const [scheme, token] = (authorization ?? '').split(' ');
  return scheme === 'Bearer' && token !== undefined ? token : undefined;
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[]>;
  readonly body: string;
}

/** Decodes an HTTP exchange into a request the way the real HTTP router does, or returns an error answer. */
function buildRequest(method: string, url: URL, headers: HeaderMap, text: string): ServerRequest | KuzzleErrorData {
  let body: JsonObject | null = null;
  if (text.length > 0) {
    const parsed = parseJsonObject(text);
    if (parsed === null) {
      return kerror('network.http.body_parse_failed', text.slice(0, 50)).data;
    }
    body = parsed;
  }
  const args: Record<string, JsonValue> = {};
  for (const [name, value] of url.searchParams) {
    args[name] = value;
  }
  const route = method === 'OPTIONS' ? undefined : matchRoute(method, url.pathname);
  const resource: Record<string, string> = {};
  for (const [name, value] of Object.entries(route?.params ?? {})) {
    (RESOURCE_PARAMS.has(name) ? resource : args)[name] = value;
  }
  const queryJwt = args['jwt'];
  delete args['jwt'];
  return new ServerRequest({
    id: headers['x-kuzzle-request-id'],
    controller: route?.route.controller ?? null,
    action: route?.route.action ?? null,
    index: resource['index'],
    collection: resource['collection'],
    _id: resource['_id'],
    jwt: bearerToken(headers['authorization']) ?? (typeof queryJwt === 'string' ? queryJwt : null),
    volatile: parseJsonObject(headers['x-kuzzle-volatile']),
    body,
    args,
    headers,
    protocol: 'http',
  });
}

function answer(kernel: Kernel, method: string, url: URL, headers: HeaderMap, text: string): Answer {
  const base = { ...corsHeaders(headers['origin']), 'Content-Type': 'application/json', Connection: 'close' };
  const request = buildRequest(method, url, headers, text);
  if (!(request instanceof ServerRequest)) {
    // The real server answers a body it cannot parse with the bare error, not a response envelope.
    return { status: request.status, headers: base, body: JSON.stringify(request) };
  }
  let outcome: Outcome = { result: {} };
  let cookies: readonly string[] = [];
  if (method !== 'OPTIONS') {
    if (request.controller === null) {
      outcome = { error: kerror('network.http.url_not_found', `${url.pathname}${url.search}`).data };
    } else {
      const connection: ClientConnection = { id: randomUUID(), protocol: 'http', send: () => undefined };
      ({ outcome, cookies } = execute(kernel, request, connection));
    }
  }
  const status = 'error' in outcome ? outcome.error.status : 200;
  const withCookies = cookies.length > 0 ? { ...base, 'Set-Cookie': [...cookies] } : base;
  return {
    status,
    headers: { ...withCookies, 'X-Kuzzle-Request-Id': request.id },
    body: JSON.stringify(responseBody(request, outcome)),
  };
}

/**
 * Serves one HTTP request: same JSON body as over WebSocket (without `room`), CORS and cookies like
 * the real server. While frozen the request is left unanswered; a response delay applies here too.
 */
export function handleHttp(kernel: Kernel, faults: Faults, incoming: IncomingMessage, outgoing: ServerResponse): void {
  const chunks: Buffer[] = [];
  incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
  incoming.on('end', () => {
    if (faults.frozen) {
      return;
    }
    const url = new URL(incoming.url ?? '/', 'http://localhost');
    const headers = flattenHeaders(incoming.headers);
    const reply = answer(kernel, (incoming.method ?? 'GET').toUpperCase(), url, headers, Buffer.concat(chunks).toString('utf8'));
    const write = (): void => {
      outgoing.writeHead(reply.status, reply.headers).end(reply.body);
    };
    if (faults.responseDelayMs > 0) {
      timer(faults.responseDelayMs).subscribe(write);
    } else {
      write();
    }
  });
}
