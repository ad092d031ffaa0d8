import type { Observable } from 'rxjs';
import type { JsonObject } from '../arguments';
import type { SearchResult } from '../search/search-result';
import type { CreateApiKeyOptions, SecurityFromSizeOptions, SecurityOptions, SecurityWriteOptions } from './options';
import { ProfileRoleActions } from './profile-role-actions';
import type { ApiKey, CredentialFields, Credentials, CredentialsSearchResult, DeletedId } from './types';

/** The security controller's credentials and API key actions (see `UserActions`). */
export abstract class CredentialActions extends ProfileRoleActions {
  /** Gives a user credentials for a strategy (`local`: `{ username, password }`); emits them as the strategy shows them. */
  createCredentials(strategy: string, id: string, credentials: JsonObject, options?: SecurityOptions): Observable<Credentials> {
    return this.call('createCredentials', options, (check) => ({
      strategy: check.string('strategy', strategy),
      _id: check.string('id', id),
      body: check.object('credentials', credentials),
    }));
  }

  /** Changes a user's credentials for a strategy; emits them as the strategy shows them. */
  updateCredentials(strategy: string, id: string, credentials: JsonObject, options?: SecurityOptions): Observable<Credentials> {
    return this.call('updateCredentials', options, (check) => ({
      strategy: check.string('strategy', strategy),
      _id: check.string('id', id),
      body: check.object('credentials', credentials),
    }));
  }

  /** Emits whether the strategy would accept these credentials for the user; errors with the reason when it would not. */
  validateCredentials(strategy: string, id: string, credentials: JsonObject, options?: SecurityOptions): Observable<boolean> {
    return this.call('validateCredentials', options, (check) => ({
      strategy: check.string('strategy', strategy),
      _id: check.string('id', id),
      body: check.object('credentials', credentials),
    }));
  }

  /** Deletes a user's credentials for a strategy; emits `{ acknowledged: true }`. */
  deleteCredentials(strategy: string, id: string, options?: SecurityOptions): Observable<{ readonly acknowledged: boolean }> {
    return this.call('deleteCredentials', options, (check) => ({
      strategy: check.string('strategy', strategy),
      _id: check.string('id', id),
    }));
  }

  /** Emits a user's credentials for a strategy, as the strategy shows them (`local`: `{ username, kuid }`). */
  getCredentials(strategy: string, id: string, options?: SecurityOptions): Observable<Credentials> {
    return this.call('getCredentials', options, (check) => ({ strategy: check.string('strategy', strategy), _id: check.string('id', id) }));
  }

  /** Emits the credentials whose strategy-side id is `id` (`local`: the username), as the strategy shows them. */
  getCredentialsById(strategy: string, id: string, options?: SecurityOptions): Observable<Credentials> {
    return this.call('getCredentialsById', options, (check) => ({
      strategy: check.string('strategy', strategy),
      _id: check.string('id', id),
    }));
  }

  /** Emits whether a user has credentials for a strategy. */
  hasCredentials(strategy: string, id: string, options?: SecurityOptions): Observable<boolean> {
    return this.call('hasCredentials', options, (check) => ({ strategy: check.string('strategy', strategy), _id: check.string('id', id) }));
  }

  /** Emits the fields of a strategy's credentials (`['username', 'password']`). */
  getCredentialFields(strategy: string, options?: SecurityOptions): Observable<readonly string[]> {
    return this.call('getCredentialFields', options, (check) => ({ strategy: check.string('strategy', strategy) }));
  }

  /** Emits the fields of every strategy's credentials (`{ local: ['username', 'password'] }`). */
  getAllCredentialFields(options?: SecurityOptions): Observable<CredentialFields> {
    return this.call('getAllCredentialFields', options);
  }

  /** Searches a strategy's credentials (`{ query, sort }` on the fields it allows); emits `{ hits, total }`. */
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

  /** Creates an API key for a user; emits it, with its token (the only time the token is shown). */
  createApiKey(userId: string, description: string, options?: CreateApiKeyOptions): Observable<ApiKey> {
    return this.call('createApiKey', options, (check) => ({
      userId: check.string('userId', userId),
      body: { description: check.text('description', description) },
    }));
  }

  /** Deletes a user's API key (its token stops working); emits `{ _id }`. */
  deleteApiKey(userId: string, id: string, options?: SecurityWriteOptions): Observable<DeletedId> {
    return this.call('deleteApiKey', options, (check) => ({ userId: check.string('userId', userId), _id: check.string('id', id) }));
  }

  /**
   * Searches a user's API keys; emits the first page (tokens left out). The server counts only the hits it
   * returns in `total`, so `next()` emits `null`: ask for a larger `size` to get more.
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
