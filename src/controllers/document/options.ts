import type { CallOptions } from '../base-controller';
import type { DocumentSource } from './types';

/** The query language of a search, count or by-query action. */
export type QueryLang = 'elasticsearch' | 'koncorde';

/** Options of the document actions that write: `create`, `createOrReplace`, `replace`, `delete`. */
export interface DocumentWriteOptions extends CallOptions {
  /** `'wait_for'`: answer once the change is visible to searches. @default 'false' */
  refresh?: 'wait_for' | 'false';
  /** Send no realtime notification of the change. @default false */
  silent?: boolean;
}

/** Options of `mDelete`. */
export interface DocumentMDeleteOptions extends DocumentWriteOptions {
  /** Fail the whole call (`api.process.incomplete_multiple_request`) when any document fails. @default false */
  strict?: boolean;
}

/** Options of `mCreate`, `mCreateOrReplace` and `mReplace`. */
export interface DocumentMWriteOptions extends DocumentMDeleteOptions {
  /** Return each written document's `_source`. @default true */
  source?: boolean;
}

/** Options of `mUpdate` and `mUpsert`. */
export interface DocumentMUpdateOptions extends DocumentMWriteOptions {
  /** How many times the storage retries a write that met a version conflict. @default 0 */
  retryOnConflict?: number;
}

/** Options of `update`. */
export interface DocumentUpdateOptions extends DocumentWriteOptions {
  /** How many times the storage retries a write that met a version conflict. @default 0 */
  retryOnConflict?: number;
  /** Return the whole updated document in `_source`, not only the changes. @default false */
  source?: boolean;
}

/** Options of `upsert`. */
export interface DocumentUpsertOptions<S extends object = DocumentSource> extends DocumentUpdateOptions {
  /** Fields added to the changes when the document is created (sent in the body, as the API expects). */
  default?: Partial<S>;
}

/** Options of `deleteFields`. */
export interface DocumentDeleteFieldsOptions extends DocumentWriteOptions {
  /** Return the updated document's `_source`. @default false */
  source?: boolean;
}

/** Options of `count`. */
export interface DocumentCountOptions extends CallOptions {
  /** The language of the query. @default 'elasticsearch' */
  lang?: QueryLang;
}

/** Options of `deleteByQuery`. */
export interface DocumentDeleteByQueryOptions extends DocumentWriteOptions {
  /** The language of the query. @default 'elasticsearch' */
  lang?: QueryLang;
}

/** Options of `updateByQuery`. */
export interface DocumentUpdateByQueryOptions extends DocumentWriteOptions {
  /** The language of the query. @default 'elasticsearch' */
  lang?: QueryLang;
  /** Return each updated document's `_source`. @default false */
  source?: boolean;
}

/** Options of `search` and `searchTargets`. */
export interface DocumentSearchOptions extends CallOptions {
  /** The offset of the first hit. @default 0 */
  from?: number;
  /** How many hits a page holds. @default 10 */
  size?: number;
  /** Keep a scroll cursor this long (`'30s'`, `'1m'`): `next()` then scrolls. @default undefined (no cursor) */
  scroll?: string;
  /** The language of the query. @default 'elasticsearch' */
  lang?: QueryLang;
}

/** Options of `mGet` and `mExists`. */
export interface DocumentMGetOptions extends CallOptions {
  /** Fail the whole call (`api.process.incomplete_multiple_request`) when any document is missing. @default false */
  strict?: boolean;
}
