import type { JsonObject } from '../arguments';

/** A document's content, as stored in its `_source` (the default of the `S` type parameters, which take any object type). */
export type DocumentSource = Record<string, unknown>;

/** The metadata Kuzzle keeps in every document's `_source._kuzzle_info`. */
export interface KuzzleInfo {
  /** The kuid of the user who created the document (`'-1'` for the anonymous user). */
  readonly author: string | null;
  /** When the document was created, in milliseconds since the epoch. */
  readonly createdAt: number;
  /** When the document was last updated, in milliseconds since the epoch; null until it is. */
  readonly updatedAt: number | null;
  /** The kuid of the user who last updated the document; null until it is. */
  readonly updater: string | null;
}

/** A document's `_source`: its content and Kuzzle's metadata. */
export type StoredSource<S extends object> = S & { readonly _kuzzle_info?: KuzzleInfo };

/** A stored document as the server returns it. */
export interface KuzzleDocument<S extends object = DocumentSource> {
  readonly _id: string;
  /** The version of the document, raised by every write. */
  readonly _version?: number;
  readonly _source: StoredSource<S>;
  /** On `upsert` and `mUpsert`: whether the document was created (true) or updated (false). */
  readonly created?: boolean;
}

/** A hit of a search: a document and its relevance. */
export interface KuzzleHit<S extends object = DocumentSource> extends KuzzleDocument<S> {
  /** The relevance score of the hit. */
  readonly _score: number;
  /** The index of the hit (always there in a multi-target search). */
  readonly index?: string;
  /** The collection of the hit (always there in a multi-target search). */
  readonly collection?: string;
  /** The highlighted fragments, when the query asked for some. */
  readonly highlight?: Readonly<Record<string, readonly string[]>>;
  /** The inner hits, when the query asked for some. */
  readonly inner_hits?: JsonObject;
}

/** A hit of a search on several indexes and collections (`searchTargets`): it says where it was found. */
export interface KuzzleTargetHit<S extends object = DocumentSource> extends KuzzleHit<S> {
  readonly index: string;
  readonly collection: string;
}

/** One index and some of its collections, for `searchTargets`. */
export interface SearchTarget {
  readonly index: string;
  readonly collections: readonly string[];
}

/** The outcome of an action on several documents: what succeeded and what failed, in two lists. */
export interface MultipleResult<T, E> {
  readonly successes: readonly T[];
  readonly errors: readonly E[];
}

/** A document as given to `mCreate` (`_id` optional), `mCreateOrReplace`, `mReplace` and `mUpdate`. */
export interface DocumentToWrite<S extends object = DocumentSource> {
  readonly _id?: string;
  readonly body: S;
}

/** A document as given to `mUpsert`: the changes, and the fields to add when it is created. */
export interface DocumentToUpsert<S extends object = DocumentSource> {
  readonly _id: string;
  readonly changes: Partial<S>;
  readonly default?: Partial<S>;
}

/** A document of a multiple write that failed, why, and the HTTP status of the failure. */
export interface DocumentWriteError {
  readonly document: { readonly _id?: string; readonly body?: JsonObject; readonly changes?: JsonObject };
  readonly status: number;
  readonly reason: string;
}

/** A document written by `mCreate`, `mCreateOrReplace` or `mReplace`. */
export interface WrittenDocument<S extends object = DocumentSource> extends KuzzleDocument<S> {
  /** The HTTP status of the write (201 created, 200 replaced). */
  readonly status: number;
  /** `'created'` or `'updated'`. */
  readonly result?: string;
}

/** A document updated by `mUpdate` or `mUpsert`: `_source` holds the changes (all of it with `source: true`). */
export interface UpdatedDocument<S extends object = DocumentSource> {
  readonly _id: string;
  readonly _version?: number;
  readonly _source?: Partial<S> & { readonly _kuzzle_info?: Partial<KuzzleInfo> };
  readonly status: number;
  readonly created?: boolean;
  /** The fields the update changed. */
  readonly _updatedFields?: readonly string[];
}

/** What `mCreate`, `mCreateOrReplace` and `mReplace` emit. */
export type MWriteResult<S extends object = DocumentSource> = MultipleResult<WrittenDocument<S>, DocumentWriteError>;

/** What `mUpdate` and `mUpsert` emit. */
export type MUpdateResult<S extends object = DocumentSource> = MultipleResult<UpdatedDocument<S>, DocumentWriteError>;

/** What `mGet` emits: the documents found, and the ids of those that were not. */
export type MGetResult<S extends object = DocumentSource> = MultipleResult<KuzzleDocument<S>, string>;

/** What `mExists` emits: the ids of the documents that exist, and of those that do not. */
export type MExistsResult = MultipleResult<string, string>;

/** What `mDelete` emits: the ids deleted, and the ids that could not be, with why. */
export type MDeleteResult = MultipleResult<string, { readonly _id: string; readonly reason: string; readonly status?: number }>;

/** A document changed by `updateByQuery`; `_source` is there with `source: true`. */
export interface UpdatedByQuery<S extends object = DocumentSource> {
  readonly _id: string;
  readonly _version?: number;
  readonly _source?: StoredSource<S>;
  readonly status: number;
}

/** What `updateByQuery` emits. */
export type UpdateByQueryResult<S extends object = DocumentSource> = MultipleResult<
  UpdatedByQuery<S>,
  { readonly document: { readonly _id: string; readonly _source?: JsonObject }; readonly status: number; readonly reason: string }
>;

/** What `deleteFields` emits: the id and version, and the whole document with `source: true`. */
export interface DeletedFields<S extends object = DocumentSource> {
  readonly _id: string;
  readonly _version?: number;
  readonly _source?: StoredSource<S>;
}

/** What `upsert` emits: the id, the version, whether it was created, and the document with `source: true`. */
export interface UpsertedDocument<S extends object = DocumentSource> {
  readonly _id: string;
  readonly _version?: number;
  readonly created: boolean;
  readonly _source?: StoredSource<S>;
}

/** What `validate` emits. */
export interface DocumentValidationResult {
  readonly valid: boolean;
  /** Why the document is not valid, by field. */
  readonly errorMessages?: JsonObject;
}
