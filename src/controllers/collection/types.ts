import type { JsonObject } from '../arguments';
import type { CallOptions } from '../base-controller';
import type { KuzzleInfo } from '../document/types';

/** A collection's mappings: how its documents' fields are stored and searched. */
export interface CollectionMappings {
  /** Free-form metadata kept with the mappings. */
  readonly _meta?: JsonObject;
  /** What the storage does with fields the mappings do not list. */
  readonly dynamic?: 'true' | 'false' | 'strict' | boolean;
  /** The fields, by name (`{ color: { type: 'keyword' } }`). */
  readonly properties?: Readonly<Record<string, JsonObject>>;
}

/** What `create` takes: mappings and storage settings (the mappings alone are still accepted). */
export interface CollectionDefinition {
  readonly mappings?: CollectionMappings;
  /** Storage settings (analyzers, ...). */
  readonly settings?: JsonObject;
}

/** What `update` takes. */
export interface CollectionUpdateDefinition extends CollectionDefinition {
  /** Reindex the documents so that they follow the new mappings. */
  readonly reindexCollection?: boolean;
}

/** What `list` emits. */
export interface CollectionList {
  /** The type asked for (`'all'` by default). */
  readonly type: string;
  readonly collections: readonly { readonly name: string; readonly type: 'realtime' | 'stored' }[];
  /** Present when `from` or `size` was given. */
  readonly from?: number;
  readonly size?: number;
}

/** A collection's validation specifications. */
export interface CollectionSpecifications {
  /** Refuse documents with fields the specifications do not list. */
  readonly strict?: boolean;
  /** The rules of each field, by path. */
  readonly fields?: Readonly<Record<string, JsonObject>>;
  /** Koncorde filters every document must match. */
  readonly validators?: readonly JsonObject[];
}

/** Specifications as stored, with the index and collection they apply to (what `getSpecifications` emits). */
export interface StoredSpecifications {
  readonly index: string;
  readonly collection: string;
  readonly validation: CollectionSpecifications;
  readonly _kuzzle_info?: Partial<KuzzleInfo>;
}

/** A hit of `searchSpecifications` (its `_id` is `index#collection`). */
export interface SpecificationsHit {
  readonly _id: string;
  readonly _score?: number;
  readonly _source: StoredSpecifications;
}

/** What `validateSpecifications` emits: whether they are valid, and what is wrong with them when not. */
export interface SpecificationsValidation {
  readonly valid: boolean;
  readonly details?: readonly string[];
  readonly description?: string;
}

/** Options of `getMapping`. */
export interface CollectionGetMappingOptions extends CallOptions {
  /** Include the mappings of Kuzzle's `_kuzzle_info` metadata. @default false */
  includeKuzzleMeta?: boolean;
}

/** Options of `list`. */
export interface CollectionListOptions extends CallOptions {
  /** The offset of the first collection. @default 0 */
  from?: number;
  /** How many collections to list; 0 lists them all. @default 0 */
  size?: number;
}

/** Options of `searchSpecifications`. */
export interface CollectionSearchSpecificationsOptions extends CallOptions {
  /** The offset of the first hit. @default 0 */
  from?: number;
  /** How many hits a page holds. @default 10 */
  size?: number;
  /** Keep a scroll cursor this long (`'30s'`): `next()` then scrolls. @default undefined (no cursor) */
  scroll?: string;
}
