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
 * check the session itself are `AuthController`'s. Each errors with `security.rights.unauthorized` for the anonymous
 * user, except `checkRights`, `getMyRights` and `getStrategies`.
 */
export abstract class SelfActions extends BaseController {
  /** Emits whether the current user may run `request` (`{ controller, action, index?, collection?, ... }`). */
  checkRights(request: RightsRequest, options?: CallOptions): Observable<boolean> {
    return this.call<{ allowed: boolean }>('checkRights', options, (check) => {
      check.string('request.controller', check.object('request', request).controller);
      check.string('request.action', request.action);
      return { body: request };
    }).pipe(map((result) => result.allowed));
  }

  /** Emits the current user's rights, one per controller, action, index and collection. */
  getMyRights(options?: CallOptions): Observable<readonly SecurityRight[]> {
    return this.call<{ hits: readonly SecurityRight[] }>('getMyRights', options).pipe(map((result) => result.hits));
  }

  /** Emits the names of the strategies users can log in with (`['local']`). */
  getStrategies(options?: CallOptions): Observable<readonly string[]> {
    return this.call('getStrategies', options);
  }

  /** Changes the current user's content (not its profiles); emits the user. `C` types the content. */
  updateSelf<C extends UserContent = UserContent>(content: Partial<C>, options?: UpdateSelfOptions): Observable<SecurityUser<C>> {
    return this.call<{ _id: string; _source: JsonObject }>('updateSelf', options, (check) => ({
      body: check.object('content', content),
    })).pipe(map((result) => toUser<C>(result)));
  }

  /** Gives the current user credentials for a strategy (`local`: `{ username, password }`); emits them as the strategy shows them. */
  createMyCredentials(strategy: string, credentials: JsonObject, options?: CallOptions): Observable<Credentials> {
    return this.call('createMyCredentials', options, (check) => ({
      strategy: check.string('strategy', strategy),
      body: check.object('credentials', credentials),
    }));
  }

  /** Changes the current user's credentials for a strategy; emits them as the strategy shows them. */
  updateMyCredentials(strategy: string, credentials: JsonObject, options?: CallOptions): Observable<Credentials> {
    return this.call('updateMyCredentials', options, (check) => ({
      strategy: check.string('strategy', strategy),
      body: check.object('credentials', credentials),
    }));
  }

  /** Emits whether the strategy would accept these credentials for the current user; errors with the reason when not. */
  validateMyCredentials(strategy: string, credentials: JsonObject, options?: CallOptions): Observable<boolean> {
    return this.call('validateMyCredentials', options, (check) => ({
      strategy: check.string('strategy', strategy),
      body: check.object('credentials', credentials),
    }));
  }

  /** Emits whether the current user has credentials for the strategy. */
  credentialsExist(strategy: string, options?: CallOptions): Observable<boolean> {
    return this.call('credentialsExist', options, (check) => ({ strategy: check.string('strategy', strategy) }));
  }

  /** Emits the current user's credentials for the strategy, as the strategy shows them (`{ kuid, username }` for `local`). */
  getMyCredentials(strategy: string, options?: CallOptions): Observable<Credentials> {
    return this.call('getMyCredentials', options, (check) => ({ strategy: check.string('strategy', strategy) }));
  }

  /** Removes the current user's credentials for the strategy; emits `true`. */
  deleteMyCredentials(strategy: string, options?: CallOptions): Observable<boolean> {
    return this.call<{ acknowledged: boolean }>('deleteMyCredentials', options, (check) => ({
      strategy: check.string('strategy', strategy),
    })).pipe(map((result) => result.acknowledged));
  }

  /** Creates an API key for the current user; emits it, with its token (the only time the token is shown). */
  createApiKey(description: string, options?: AuthCreateApiKeyOptions): Observable<ApiKey> {
    return this.call('createApiKey', options, (check) => ({ body: { description: check.text('description', description) } }));
  }

  /** Deletes one of the current user's API keys (and revokes its token); emits `null`. */
  deleteApiKey(id: string, options?: AuthDeleteApiKeyOptions): Observable<null> {
    return this.call<unknown>('deleteApiKey', options, (check) => ({ _id: check.string('id', id) })).pipe(map(() => null));
  }

  /**
   * Searches the current user's API keys (without their tokens); emits the first page, whose `next()` fetches the one
   * after with `from` and `size`. The server counts only the hits it returns, so `next()` emits `null` after one page.
   */
  searchApiKeys(query: JsonObject = {}, options?: AuthSearchApiKeysOptions): Observable<SearchResult<ApiKey>> {
    return this.paged<ApiKey>('searchApiKeys', options, (check) => ({ body: check.object('query', query) }), { scrollAction: undefined });
  }

  /** Creates a token for the current user, which the session does not use (hand it to another client); emits it. */
  createToken(options?: CreateTokenOptions): Observable<CreatedToken> {
    return this.call('createToken', options);
  }
}
