import type { Observable } from 'rxjs';
import type { JsonObject } from '../arguments';
import type { SearchResult } from '../search/search-result';
import type { CreateApiKeyOptions, SecurityFromSizeOptions, SecurityOptions, SecurityWriteOptions } from './options';
import { ProfileRoleActions } from './profile-role-actions';
import type { ApiKey, CredentialFields, Credentials, CredentialsSearchResult, DeletedId } from './types';

/**
 * The security controller's credentials and API key actions (see `UserActions`).
 */
export abstract class CredentialActions extends ProfileRoleActions {
  /**
   * Gives a user credentials for a strategy (`local`: `{ username, password }`) and emits them as the strategy shows
   * them, once, then completes.
   *
   * @throws {InvalidRequestError} when `strategy` or `id` is not a non-empty string, or `credentials` not an object.
   * @throws {KuzzleError} `security.user.not_found` (404) when no user has this kuid;
   * `security.credentials.unknown_strategy` (400) when the server has no such strategy; the strategy's own error when
   * it refuses them, which has no `id` (`local`: 412 `Login "jo" is already used.`, 400 `Password needed.`).
   */
  createCredentials(strategy: string, id: string, credentials: JsonObject, options?: SecurityOptions): Observable<Credentials> {
    return this.call('createCredentials', options, (check) => ({
      strategy: check.string('strategy', strategy),
      _id: check.string('id', id),
      body: check.object('credentials', credentials),
    }));
  }

  /**
   * Changes a user's credentials for a strategy and emits them as the strategy shows them, once, then completes.
   *
   * @throws {InvalidRequestError} when `strategy` or `id` is not a non-empty string, or `credentials` not an object.
   * @throws {KuzzleError} `security.user.not_found` (404) when no user has this kuid;
   * `security.credentials.unknown_strategy` (400); the strategy's own error when it refuses them, which has no `id`
   * (`local`: 412 `Login "jo" is already used.`, 400 `Password needed.`).
   */
  updateCredentials(strategy: string, id: string, credentials: JsonObject, options?: SecurityOptions): Observable<Credentials> {
    return this.call('updateCredentials', options, (check) => ({
      strategy: check.string('strategy', strategy),
      _id: check.string('id', id),
      body: check.object('credentials', credentials),
    }));
  }

  /**
   * Emits `true` once, then completes, when the strategy would accept these credentials for the user; errors with the
   * reason when it would not.
   *
   * @throws {InvalidRequestError} when `strategy` or `id` is not a non-empty string, or `credentials` not an object.
   * @throws {KuzzleError} the strategy's own error when it would refuse them, which has no `id` (`local`: 412
   * `Login "jo" is already used.`, 400 `Password needed.`); `security.credentials.unknown_strategy` (400).
   */
  validateCredentials(strategy: string, id: string, credentials: JsonObject, options?: SecurityOptions): Observable<boolean> {
    return this.call('validateCredentials', options, (check) => ({
      strategy: check.string('strategy', strategy),
      _id: check.string('id', id),
      body: check.object('credentials', credentials),
    }));
  }

  /**
   * Deletes a user's credentials for a strategy and emits `{ acknowledged: true }` once, then completes.
   *
   * @throws {InvalidRequestError} when `strategy` or `id` is not a non-empty string.
   * @throws {KuzzleError} `security.credentials.unknown_strategy` (400) when the server has no such strategy; a 412
   * error (the `local` strategy sends it without an `id`) when the user has no credentials for it.
   */
  deleteCredentials(strategy: string, id: string, options?: SecurityOptions): Observable<{ readonly acknowledged: boolean }> {
    return this.call('deleteCredentials', options, (check) => ({
      strategy: check.string('strategy', strategy),
      _id: check.string('id', id),
    }));
  }

  /**
   * Emits a user's credentials for a strategy, as the strategy shows them (`local`: `{ username, kuid }`), once, then
   * completes.
   *
   * @throws {InvalidRequestError} when `strategy` or `id` is not a non-empty string.
   * @throws {KuzzleError} a 412 error (the `local` strategy sends it without an `id`:
   * `No credentials found for user "..."`) when the user has none for the strategy;
   * `security.credentials.unknown_strategy` (400).
   */
  getCredentials(strategy: string, id: string, options?: SecurityOptions): Observable<Credentials> {
    return this.call('getCredentials', options, (check) => ({ strategy: check.string('strategy', strategy), _id: check.string('id', id) }));
  }

  /**
   * Emits the credentials whose strategy-side id is `id` (`local`: the username), as the strategy shows them, once,
   * then completes.
   *
   * @throws {InvalidRequestError} when `strategy` or `id` is not a non-empty string.
   * @throws {KuzzleError} a 412 error (sent by the strategy, without an `id`) when no credentials have this id;
   * `security.credentials.unknown_strategy` (400).
   */
  getCredentialsById(strategy: string, id: string, options?: SecurityOptions): Observable<Credentials> {
    return this.call('getCredentialsById', options, (check) => ({
      strategy: check.string('strategy', strategy),
      _id: check.string('id', id),
    }));
  }

  /**
   * Emits whether a user has credentials for a strategy once, then completes.
   *
   * @throws {InvalidRequestError} when `strategy` or `id` is not a non-empty string.
   * @throws {KuzzleError} `security.credentials.unknown_strategy` (400) when the server has no such strategy.
   */
  hasCredentials(strategy: string, id: string, options?: SecurityOptions): Observable<boolean> {
    return this.call('hasCredentials', options, (check) => ({ strategy: check.string('strategy', strategy), _id: check.string('id', id) }));
  }

  /**
   * Emits the fields of a strategy's credentials (`['username', 'password']`) once, then completes.
   *
   * @throws {InvalidRequestError} when `strategy` is not a non-empty string.
   * @throws {KuzzleError} `security.credentials.unknown_strategy` (400) when the server has no such strategy.
   */
  getCredentialFields(strategy: string, options?: SecurityOptions): Observable<readonly string[]> {
    return this.call('getCredentialFields', options, (check) => ({ strategy: check.string('strategy', strategy) }));
  }

  /**
   * Emits the fields of every strategy's credentials (`{ local: ['username', 'password'] }`) once, then completes.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run
   * `security:getAllCredentialFields`; the action has no error of its own.
   */
  getAllCredentialFields(options?: SecurityOptions): Observable<CredentialFields> {
    return this.call('getAllCredentialFields', options);
  }

  /**
   * Searches a strategy's credentials (`{ query, sort }` on the fields it allows) and emits `{ hits, total }` once,
   * then completes.
   *
   * @throws {InvalidRequestError} when `strategy` is not a non-empty string, or `query` not an object.
   * @throws {KuzzleError} `security.credentials.unknown_strategy` (400) when the server has no such strategy; the
   * strategy's own error, without an `id`, when the query uses a field or keyword it does not allow (`local`: 403
   * `Forbidden field`, 400 for a keyword).
   */
  searchUsersByCredentials(
    strategy: string,
    query: JsonObject = {},
    options?: SecurityFromSizeOptions,
  ): Observable<CredentialsSearchResult> {
    return this.call('searchUsersByCredentials', options, (check) => ({
      strategy: check.string('strategy', strategy),
      body: check.object('query', query),
    }));
  }

  /**
   * Creates an API key for a user and emits it once, with its token (the only time the token is shown), then completes.
   *
   * @throws {InvalidRequestError} when `userId` is not a non-empty string, or `description` not a string.
   * @throws {KuzzleError} `security.user.not_found` (404) when no user has this kuid; `api.assert.invalid_argument`
   * (400) when `expiresIn` is not a duration the server can read; `security.token.ttl_exceeded` (400) when it exceeds
   * the server's `security.apiKey.maxTTL`.
   */
  createApiKey(userId: string, description: string, options?: CreateApiKeyOptions): Observable<ApiKey> {
    return this.call('createApiKey', options, (check) => ({
      userId: check.string('userId', userId),
      body: { description: check.text('description', description) },
    }));
  }

  /**
   * Deletes a user's API key (its token stops working) and emits `{ _id }` once, then completes.
   *
   * @throws {InvalidRequestError} when `userId` or `id` is not a non-empty string.
   * @throws {KuzzleError} `services.storage.not_found` (404) when the user has no API key with this id.
   */
  deleteApiKey(userId: string, id: string, options?: SecurityWriteOptions): Observable<DeletedId> {
    return this.call('deleteApiKey', options, (check) => ({ userId: check.string('userId', userId), _id: check.string('id', id) }));
  }

  /**
   * Searches a user's API keys and emits the first page once (tokens left out), then completes. The server counts only
   * the hits it returns in `total`, so `next()` emits `null`: ask for a larger `size` to get more.
   *
   * @throws {InvalidRequestError} when `userId` is not a non-empty string, or `query` not an object.
   * @throws {KuzzleError} `services.storage.unknown_query_keyword` or `services.storage.invalid_search_query` (400)
   * when the storage refuses the query.
   */
  searchApiKeys(userId: string, query: JsonObject = {}, options?: SecurityFromSizeOptions): Observable<SearchResult<ApiKey>> {
    return this.paged<ApiKey>(
      'searchApiKeys',
      options,
      (check) => ({ userId: check.string('userId', userId), body: check.object('query', query) }),
      { scrollAction: undefined },
    );
  }
}
