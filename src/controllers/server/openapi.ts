import { catchError, defer, finalize, from, map, type Observable, switchMap, throwError, timeout } from 'rxjs';
import type { KuzzleClient } from '../../client/KuzzleClient';
import { splitRequestOptions } from '../../client/options';
import { HttpTransportError, InvalidOptionError, RequestTimeoutError } from '../../errors/ClientErrors';
import { KuzzleError, type KuzzleErrorPayload } from '../../errors/KuzzleError';
import type { FetchLike, FetchResponseLike } from '../../http/fetch';
import type { CallOptions } from '../BaseController';

/** The query of `GET /_openapi`. */
export interface OpenApiQuery {
  readonly format: 'json' | 'yaml';
  readonly scope: 'kuzzle' | 'app';
}

function errorOf(text: string): KuzzleErrorPayload | undefined {
  try {
    const body = JSON.parse(text) as { error?: unknown };
    const error = body.error as Partial<KuzzleErrorPayload> | null | undefined;
    return error && typeof error.message === 'string' && typeof error.status === 'number' ? (error as KuzzleErrorPayload) : undefined;
  } catch {
    return undefined;
  }
}

function definitionOf(url: string, response: FetchResponseLike, text: string, format: OpenApiQuery['format']): unknown {
  const error = response.status >= 400 ? errorOf(text) : undefined;
  if (error) throw new KuzzleError(error);
  if (response.status >= 400) throw new HttpTransportError(url, response.status, new Error(text.slice(0, 200)));
  if (format === 'yaml') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new HttpTransportError(url, response.status, cause);
  }
}

/**
 * `server:openapi` over HTTP. Over a WebSocket the server answers this action with the bare definition (no request
 * id, status or result), which the client cannot tell from any other frame; over HTTP the definition is the body.
 * The call carries the session: the token in token mode, the browser's cookie in cookie mode (`credentials:
 * 'include'`). Bounded by the call's `timeout`, else the client's `requestTimeout`; unsubscribing aborts it.
 */
export function openApiOverHttp(client: KuzzleClient, query: OpenApiQuery, options: CallOptions | undefined): Observable<unknown> {
  return defer(() => {
    const { client: own } = splitRequestOptions(options ?? {});
    const fetch = client.options.fetch ?? (globalThis.fetch as unknown as FetchLike | undefined);
    if (typeof fetch !== 'function') throw new InvalidOptionError('Kuzzle.fetch', 'server.openapi() needs fetch and this runtime has none: pass one');
    const url = `${client.protocol.httpUrl}/_openapi?${new URLSearchParams({ format: query.format, scope: query.scope }).toString()}`;
    const jwt = client.jwt;
    const abort = new AbortController();
    const headers: Record<string, string> = jwt === null ? {} : { authorization: `Bearer ${jwt}` };
    const init = { method: 'GET', headers, credentials: 'include' as const, signal: abort.signal };
    const call$ = from(fetch(url, init)).pipe(
      catchError((cause: unknown) => throwError(() => new HttpTransportError(url, undefined, cause))),
      switchMap((response) => from(response.text()).pipe(map((text) => definitionOf(url, response, text, query.format)))),
    );
    const limit = own.timeout ?? client.options.requestTimeout;
    const bounded$ =
      limit <= 0
        ? call$
        : call$.pipe(
            timeout({
              first: limit,
              scheduler: client.protocol.options.scheduler,
              with: () => throwError(() => new RequestTimeoutError({ controller: 'server', action: 'openapi', requestId: url }, limit)),
            }),
          );
    // Aborting a call that has settled does nothing: only an unsubscription before the answer cancels it.
    return bounded$.pipe(finalize(() => abort.abort()));
  });
}
