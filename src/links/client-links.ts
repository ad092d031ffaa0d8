import { isHttpOnlyAction } from '../http/routes';
import type { HttpTransport } from '../http/http-transport';
import type { KuzzleRequest } from '../vocabulary/request';
import { isCookieAction } from './cookie-actions';
import { cookieRenewal, type HeldConnection } from './cookie-renewal';
import { chain, type Link, type LinkMiddleware, type SendableRequest } from './link';
import type { RequestChannel } from './request-channel';
import { split } from './split';

export interface ClientLinksDeps {
  readonly channel: RequestChannel;
  readonly http: HttpTransport;
  /** The request with the session's token, for the HTTP-only actions (cookie actions never carry it). */
  readonly attachToken: (request: KuzzleRequest) => KuzzleRequest;
  readonly connection: HeldConnection;
  readonly cookieAuth: boolean;
  /** The user's links, in front of the client's. */
  readonly middlewares: readonly LinkMiddleware[];
}

/**
 * The client's transport: the user's links, then the HTTP-only actions to HTTP, the cookie actions (in cookie mode)
 * to the cookie renewal around HTTP, and everything else to the WebSocket.
 *
 *   chain(links, split(isHttpOnlyAction, http, split(isCookieAction, cookieRenewal(http, connection), ws)))
 */
export function clientLinks(deps: ClientLinksDeps): Link {
  const { channel, http, connection, cookieAuth } = deps;
  const httpOnly: Link = ({ request }) => http.request(deps.attachToken(request) as SendableRequest);
  const webSocket: Link = ({ request, options, restoring }) => channel.exchange(request, options, restoring);
  const renewal = cookieRenewal(({ request }) => http.request(request), connection);
  return chain(
    deps.middlewares,
    split(
      ({ request }) => isHttpOnlyAction(request),
      httpOnly,
      split(({ request }) => cookieAuth && isCookieAction(request), renewal, webSocket),
    ),
  );
}
