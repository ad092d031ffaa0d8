import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const BUNDLE_PATH = '/kuzzle-rx.js';

const PAGE = `<!doctype html>
<html>
  <head><meta charset="utf-8"><title>kuzzle-rx browser suite</title></head>
  <body><script src="${BUNDLE_PATH}"></script></body>
</html>
`;

export interface PageServer {
  /** `http://127.0.0.1:<port>/`: the page, which loads the browser build. */
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves the test page and the browser build on 127.0.0.1 with a port of its own: another origin than the Kuzzle
 * server, but the same site, so the `authToken` cookie (bound to the host, not the port) reaches the server.
 */
export async function startPageServer(bundle: string): Promise<PageServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const body = path === '/' ? PAGE : path === BUNDLE_PATH ? bundle : undefined;
    if (body === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = path === '/' ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8';
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
