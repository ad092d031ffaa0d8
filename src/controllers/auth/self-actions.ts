import { map, type Observable } from 'rxjs';
import type { JsonObject } from '../arguments';
import { BaseController, type CallOptions } from '../base-controller';
import type { SearchResult } from '../search/search-result';
import { toUser } from '../security/mappers';
import type { ApiKey, Credentials, RightsRequest, SecurityRight, SecurityUser, UserContent } from '../security/types';
import type {
  AuthCreateApiKeyOptions,
  AuthDeleteApiKeyOptions,
  AuthSearchApiKeysOptions,
  CreateTokenOptions,
  UpdateSelfOptions,
} from './options';
import type { CreatedToken } from './types';

/**
 * What the current user can do about itself: its credentials, rights, API keys and content. The actions that make or
 * check the session itself are `AuthController`'s. Each method emits once, then completes; the errors every request may
 * meet are listed on `BaseController`. The actions on the user's content and credentials (`updateSelf`,
 * `createMyCredentials`, `updateMyCredentials`, `validateMyCredentials`, `credentialsExist`, `getMyCredentials`,
 * `deleteMyCredentials`) error with `KuzzleError` `security.rights.unauthorized` (401) for the anonymous user: log in
 * first.
 */
export abstract class SelfActions extends BaseController {
  /**
   * Emits whether the current user may run `request` (`{ controller, action, index?, collection?, ... }`) once, then
   * completes.
   *
   * @throws {InvalidRequestError} when `request` is not an object, or its `controller` or `action` not a non-empty
   * string.
   * @throws {KuzzleError} `api.process.controller_not_found` or `api.process.action_not_found` (404) when the server
   * has no such controller or action.
   */
  checkRights(request: RightsRequest, options?: CallOptions): Observable<boolean> {
    return this.call<{ allowed: boolean }>('checkRights', options, (check) => {
      check.string('request.controller', check.object('request', request).controller);
      check.string('request.action', request.action);
      return { body: request };
    }).pipe(map((result) => result.allowed));
  }

  /**
   * Emits the current user's rights, one per controller, action, index and collection, once, then completes.
   *
   * @throws {KuzzleError} `security.token.expired` (401) when the session's token expired (see `BaseController`); the
   * anonymous user gets its own rights.
   */
  getMyRights(options?: CallOptions): Observable<readonly SecurityRight[]> {
    return this.call<{ hits: readonly SecurityRight[] }>('getMyRights', options).pipe(map((result) => result.hits));
  }

  /**
   * Emits the names of the strategies users can log in with (`['local']`) once, then completes.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `auth:getStrategies` (see
   * `BaseController`).
   */
  getStrategies(options?: CallOptions): Observable<readonly string[]> {
    return this.call('getStrategies', options);
  }

  /**
   * Changes the current user's content (not its profiles) and emits the user once, then completes. `C` types the
   * content.
   *
   * @throws {InvalidRequestError} when `content` is not an object.
   * @throws {KuzzleError} `security.rights.unauthorized` (401) for the anonymous user; `api.assert.forbidden_argument`
   * (400) when `content` holds `profileIds` or `_id`.
   */
  updateSelf<C extends UserContent = UserContent>(content: Partial<C>, options?: UpdateSelfOptions): Observable<SecurityUser<C>> {
    return this.call<{ _id: string; _source: JsonObject }>('updateSelf', options, (check) => ({
      body: check.object('content', content),
    })).pipe(map((result) => toUser<C>(result)));
  }

  /**
   * Gives the current user credentials for a strategy (`local`: `{ username, password }`) and emits them as the
   * strategy shows them, once, then completes.
   *
   * @throws {InvalidRequestError} when `strategy` is not a non-empty string or `credentials` not an object.
   * @throws {KuzzleError} `security.rights.unauthorized` (401) for the anonymous user;
   * `security.credentials.unknown_strategy` (400); the strategy's own error when it refuses them, which has no `id`
   * (`local`: 412 `Login "jo" is already used.`, 400 `Password needed.`).
   */
  createMyCredentials(strategy: string, credentials: JsonObject, options?: CallOptions): Observable<Credentials> {
    return this.call('createMyCredentials', options, (check) => ({
      strategy: check.string('strategy', strategy),
      body: check.object('credentials', credentials),
    }));
  }

  /**
   * Changes the current user's credentials for a strategy and emits them as the strategy shows them, once, then
   * completes.
   *
   * @throws {InvalidRequestError} when `strategy` is not a non-empty string or `credentials` not an object.
   * @throws {KuzzleError} `security.rights.unauthorized` (401) for the anonymous user;
   * `security.credentials.unknown_strategy` (400); the strategy's own error when it refuses them, which has no `id`
   * (`local`: 412 `Login "jo" is already used.`, 400 `Password needed.`).
   */
  updateMyCredentials(strategy: string, credentials: JsonObject, options?: CallOptions): Observable<Credentials> {
    return this.call('updateMyCredentials', options, (check) => ({
      strategy: check.string('strategy', strategy),
      body: check.object('credentials', credentials),
    }));
  }

  /**
   * Emits `true` once, then completes, when the strategy would accept these credentials for the current user; errors
   * with the reason when it would not.
   *
   * @throws {InvalidRequestError} when `strategy` is not a non-empty string or `credentials` not an object.
   * @throws {KuzzleError} the strategy's own error when it would refuse them, which has no `id` (`local`: 412
   * `Login "jo" is already used.`, 400 `Password needed.`); `security.rights.unauthorized` (401) for the anonymous
   * user; `security.credentials.unknown_strategy` (400).
   */
  validateMyCredentials(strategy: string, credentials: JsonObject, options?: CallOptions): Observable<boolean> {
    return this.call('validateMyCredentials', options, (check) => ({
      strategy: check.string('strategy', strategy),
      body: check.object('credentials', credentials),
    }));
  }

  /**
   * Emits whether the current user has credentials for the strategy, once, then completes.
   *
   * @throws {InvalidRequestError} when `strategy` is not a non-empty string.
   * @throws {KuzzleError} `security.rights.unauthorized` (401) for the anonymous user;
   * `security.credentials.unknown_strategy` (400).
   */
  credentialsExist(strategy: string, options?: CallOptions): Observable<boolean> {
    return this.call('credentialsExist', options, (check) => ({ strategy: check.string('strategy', strategy) }));
  }

  /**
   * Emits the current user's credentials for the strategy, as the strategy shows them (`{ kuid, username }` for
   * `local`), once, then completes.
   *
   * @throws {InvalidRequestError} when `strategy` is not a non-empty string.
   * @throws {KuzzleError} `security.rights.unauthorized` (401) for the anonymous user;
   * `security.credentials.unknown_strategy` (400); a 412 error (the `local` strategy sends it without an `id`) when the
   * user has no credentials for it.
   */
  getMyCredentials(strategy: string, options?: CallOptions): Observable<Credentials> {
    return this.call('getMyCredentials', options, (check) => ({ strategy: check.string('strategy', strategy) }));
  }

  /**
   * Removes the current user's credentials for the strategy and emits `true` once, then completes. The user can no
   * longer log in with it.
   *
   * @throws {InvalidRequestError} when `strategy` is not a non-empty string.
   * @throws {KuzzleError} `security.rights.unauthorized` (401) for the anonymous user;
   * `security.credentials.unknown_strategy` (400).
   */
  deleteMyCredentials(strategy: string, options?: CallOptions): Observable<boolean> {
    return this.call<{ acknowledged: boolean }>('deleteMyCredentials', options, (check) => ({
      strategy: check.string('strategy', strategy),
    })).pipe(map((result) => result.acknowledged));
  }

  /**
   * Creates an API key for the current user and emits it once, with its token (the only time the token is shown), then
   * completes.
   *
   * @throws {InvalidRequestError} when `description` is not a string.
   * @throws {KuzzleError} `api.assert.invalid_argument` (400) when `expiresIn` is not a duration the server can read;
   * `security.token.ttl_exceeded` (400) when it exceeds the server's `security.apiKey.maxTTL`.
   */
  createApiKey(description: string, options?: AuthCreateApiKeyOptions): Observable<ApiKey> {
    return this.call('createApiKey', options, (check) => ({ body: { description: check.text('description', description) } }));
  }

  /**
   * Deletes one of the current user's API keys (its token stops working) and emits `null` once, then completes.
   *
   * @throws {InvalidRequestError} when `id` is not a non-empty string.
   * @throws {KuzzleError} `services.storage.not_found` (404) when the user has no API key with that id.
   */
  deleteApiKey(id: string, options?: AuthDeleteApiKeyOptions): Observable<null> {
    return this.call<unknown>('deleteApiKey', options, (check) => ({ _id: check.string('id', id) })).pipe(map(() => null));
  }

  /**
   * Searches the current user's API keys (without their tokens) and emits the first page once, then completes; its
   * `next()` fetches the one after with `from` and `size`. The server counts only the hits it returns, so `next()`
   * emits `null` after one page: ask for a larger `size` to get more.
   *
   * @throws {InvalidRequestError} when `query` is not an object.
   * @throws {KuzzleError} `services.storage.unknown_query_keyword` or `services.storage.invalid_search_query` (400)
   * when the server refuses the query.
   */
  searchApiKeys(query: JsonObject = {}, options?: AuthSearchApiKeysOptions): Observable<SearchResult<ApiKey>> {
    return this.paged<ApiKey>('searchApiKeys', options, (check) => ({ body: check.object('query', query) }), { scrollAction: undefined });
  }

  /**
   * Creates a token for the current user, which the session does not use (hand it to another client), and emits it
   * once, then completes.
   *
   * @throws {KuzzleError} `security.token.invalid_expiration` (400) when `expiresIn` is -1 (a token cannot live for
   * ever: create an API key); `api.assert.invalid_argument` (400) when it is not a duration the server can read;
   * `security.token.ttl_exceeded` (400) when it exceeds the server's `security.authToken.maxTTL`.
   */
  createToken(options?: CreateTokenOptions): Observable<CreatedToken> {
    return this.call('createToken', options);
  }
}
