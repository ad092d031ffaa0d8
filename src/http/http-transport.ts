import { catchError, defer, finalize, from, map, type Observable, switchMap, throwError } from 'rxjs';
import type { KuzzleRequest, KuzzleResponse } from '../vocabulary/request';
import { HttpTransportError } from '../vocabulary/errors/client-errors';
import type { CookieJar } from './cookie-jar';
import type { FetchLike, FetchResponseLike } from './fetch';
import { httpRoute, type HttpRoute } from './routes';

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

/**
 * Reads an answer as a Kuzzle response. A route whose success body is the result itself (`answer` 'json' or
 * 'text') is wrapped in one; its errors are Kuzzle responses like any other.
 */
function responseOf(
  route: HttpRoute,
  request: KuzzleRequest & { requestId: string },
  status: number,
  text: string,
): KuzzleResponse | undefined {
  if (route.answer === 'kuzzle' || status >= 400) return parseBody(text);
  const result: unknown = route.answer === 'text' ? text : parseJson(text);
  if (result === undefined) return undefined;
  return {
    requestId: request.requestId,
    status,
    controller: request.controller,
    action: request.action,
    error: null,
    result,
    volatile: null,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Sends a request over HTTP with cookies (`credentials: 'include'`), the way a browser form would, and with the
 * request's token, if it carries one, as a bearer token.
 */
export class HttpTransport {
  constructor(
    private readonly baseUrl: string,
    private readonly fetch: () => FetchLike,
    private readonly jar: CookieJar,
  ) {}

  request(request: KuzzleRequest & { requestId: string }): Observable<KuzzleResponse> {
    const route = httpRoute(request);
    const url = `${this.baseUrl}${route.path}`;
    const headers: Record<string, string> = route.body === undefined ? {} : { 'content-type': 'application/json' };
    if (request.volatile) headers['x-kuzzle-volatile'] = JSON.stringify(request.volatile);
    if (typeof request.jwt === 'string') headers['authorization'] = `Bearer ${request.jwt}`;
    return defer(() => {
      const cookie = this.jar.cookieHeader;
      const abort = new AbortController();
      const init = {
        method: route.method,
        headers: cookie ? { ...headers, cookie } : headers,
        ...(route.body === undefined ? {} : { body: JSON.stringify(route.body) }),
        credentials: 'include' as const,
        signal: abort.signal,
      };
      return from(this.fetch()(url, init)).pipe(
        catchError((error: unknown) => throwError(() => new HttpTransportError(url, undefined, error))),
        switchMap((response) =>
          from(response.text()).pipe(
            map((text) => {
              this.jar.store(setCookies(response));
              const body = responseOf(route, request, response.status, text);
              if (!body) throw new HttpTransportError(url, response.status, new Error('the response is not a Kuzzle response'));
              return { ...body, requestId: request.requestId };
            }),
            catchError((error: unknown) =>
              throwError(() => (error instanceof HttpTransportError ? error : new HttpTransportError(url, response.status, error))),
            ),
          ),
        ),
        // Unsubscribing before the answer cancels the call (aborting an answered call does nothing).
        finalize(() => abort.abort()),
      );
    });
  }
}
