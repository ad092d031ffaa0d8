import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a path serves. */
export interface PageFile {
  readonly type: 'text/html' | 'text/javascript';
  readonly body: string;
}

export interface PageServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Serves `file` at `path` from now on (replacing what it served). */
  serve(path: string, file: PageFile): void;
  close(): Promise<void>;
}

/** The page of a bundled test app: an `<app-root>` and the script at `/app.js`. */
export const appPage = (title: string): PageFile => ({
  type: 'text/html',
  body: `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><app-root></app-root><script src="/app.js"></script></body></html>`,
});

/** Serves test pages on 127.0.0.1 with a port of its own (query strings are ignored: pages read them themselves). */
export async function startPages(): Promise<PageServer> {
  const files = new Map<string, PageFile>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = files.get(path);
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': `${file.type}; charset=utf-8`, 'cache-control': 'no-store' }).end(file.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    serve: (path, file) => void files.set(path, file),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
