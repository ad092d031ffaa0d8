import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { ControlOutcome, PlaygroundConfig, ServerControl } from '../src/app/api';
import type { Backend } from './backend';

/** How long "freeze the link" freezes it: longer than the page's ping interval plus its pong timeout. */
export const FREEZE_MS = 4000;

const TEXT = 'text/plain; charset=utf-8';
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.txt': TEXT,
};

const CONTROLS: Readonly<Record<ServerControl, (backend: Backend) => Promise<string>>> = {
  freeze: (backend) => backend.freeze(FREEZE_MS),
  restart: (backend) => backend.restart(),
};

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
}

const json = (response: ServerResponse, status: number, value: PlaygroundConfig | ControlOutcome) =>
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));

async function control(name: ServerControl, backend: Backend, response: ServerResponse): Promise<void> {
  const unavailable = backend.unavailable[name];
  if (unavailable) return json(response, 409, { ok: false, message: unavailable });
  try {
    json(response, 200, { ok: true, message: await CONTROLS[name](backend) });
  } catch (error) {
    json(response, 500, { ok: false, message: error instanceof Error ? error.message : String(error) });
  }
}

async function file(root: string, path: string, response: ServerResponse): Promise<void> {
  const relative = normalize(path === '/' ? '/index.html' : path);
  const full = join(root, relative);
  if (!full.startsWith(root + sep)) return send(response, 404, TEXT, 'not found');
  try {
    send(response, 200, TYPES[extname(full)] ?? 'application/octet-stream', await readFile(full));
  } catch {
    send(response, 404, TEXT, 'not found');
  }
}

async function route(
  root: string,
  config: PlaygroundConfig,
  backend: Backend,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  if (path === '/api/config' && request.method === 'GET') return json(response, 200, config);
  const name = /^\/api\/(freeze|restart)$/.exec(path)?.[1] as ServerControl | undefined;
  if (name && request.method === 'POST') return control(name, backend, response);
  if (path.startsWith('/api/')) return send(response, 404, TEXT, 'no such control');
  return file(root, path, response);
}

/** The page's server: the built files from `root`, its configuration and the server controls, on one port. */
export function pageServer(root: string, config: PlaygroundConfig, backend: Backend): Server {
  return createServer((request, response) => {
    route(root, config, backend, request, response).catch((error: unknown) => send(response, 500, TEXT, String(error)));
  });
}
