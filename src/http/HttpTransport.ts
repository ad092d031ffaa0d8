import { Observable } from 'rxjs';
import type { KuzzleRequest, KuzzleResponse } from '../client/request';
import { HttpTransportError } from '../errors/ClientErrors';
import type { CookieJar } from './cookieJar';
import type { FetchLike, FetchResponseLike } from './fetch';
import { httpRoute } from './routes';

function setCookies(response: FetchResponseLike): string[] {
  const { headers } = response;
  if (headers.getSetCookie) return headers.getSetCookie();
  const raw = headers.raw?.()['set-cookie'];
  if (raw) return raw;
  const single = headers.get('set-cookie');
  return single ? [single] : [];
}

function parseBody(text: string): KuzzleResponse | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && 'status' in value ? (value as KuzzleResponse) : undefined;
  } catch {
    return undefined;
  }
}

/** Sends a request over HTTP with cookies (`credentials: 'include'`), the way a browser form would. */
export class HttpTransport {
  constructor(
    private readonly baseUrl: string,
    private readonly fetch: () => FetchLike,
    private readonly jar: CookieJar,
  ) {}

  request(request: KuzzleRequest & { requestId: string }): Observable<KuzzleResponse> {
    const route = httpRoute(request);
    const url = `${this.baseUrl}${route.path}`;
    return new Observable<KuzzleResponse>((subscriber) => {
      const abort = new AbortController();
      let settled = false;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (request.volatile) headers['x-kuzzle-volatile'] = JSON.stringify(request.volatile);
      const cookie = this.jar.cookieHeader;
      if (cookie) headers['cookie'] = cookie;
      const init = { method: route.method, headers, body: JSON.stringify(route.body), credentials: 'include' as const, signal: abort.signal };
      this.fetch()(url, init)
        .then(
          (response) =>
            response.text().then((text) => {
              this.jar.store(setCookies(response));
              const body = parseBody(text);
              if (!body) throw new HttpTransportError(url, response.status, new Error('the response is not a Kuzzle response'));
              return { ...body, requestId: request.requestId };
            }),
          (error: unknown) => {
            throw new HttpTransportError(url, undefined, error);
          },
        )
        .then(
          (response) => {
            settled = true;
            subscriber.next(response);
            subscriber.complete();
          },
          (error: unknown) => {
            settled = true;
            subscriber.error(error instanceof HttpTransportError ? error : new HttpTransportError(url, undefined, error));
          },
        );
      // Unsubscribing before the answer cancels the call.
      return () => {
        if (!settled) abort.abort();
      };
    });
  }
}
