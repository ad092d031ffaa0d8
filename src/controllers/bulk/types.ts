import type { JsonObject } from '../arguments';
import type { CallOptions } from '../base-controller';
import type { DocumentSource, DocumentWriteError, MultipleResult } from '../document/types';

/** Options of the bulk actions that write: `deleteByQuery`, `updateByQuery`, `import`. */
export interface BulkWriteOptions extends CallOptions {
  /** `'wait_for'`: answer once the change is visible to searches. @default 'false' */
  refresh?: 'wait_for' | 'false';
}

/** Options of `import`. */
export interface BulkImportOptions extends BulkWriteOptions {
  /** Fail the whole call (`api.process.incomplete_multiple_request`) when any action fails. @default false */
  strict?: boolean;
}

/** Options of `write`. */
export interface BulkWriteDocumentOptions extends BulkWriteOptions {
  /** Send the realtime notification of the write (bulk writes send none by default). @default false */
  notify?: boolean;
}

/** Options of `mWrite`. */
export interface BulkMWriteOptions extends BulkWriteDocumentOptions {
  /** Fail the whole call (`api.process.incomplete_multiple_request`) when any document fails. @default false */
  strict?: boolean;
}

/** An action of `import` that succeeded, under its name (`index`, `create`, `update`, `delete`). */
export type BulkImportSuccess = Readonly<Record<string, { readonly _id: string; readonly status: number }>>;

/** An action of `import` that failed, under its name, with the document and the storage's reason. */
export type BulkImportError = Readonly<
  Record<
    string,
    {
      readonly _id: string;
      readonly status: number;
      readonly _source?: JsonObject;
      readonly error?: { readonly type: string; readonly reason: string };
    }
  >
>;

/** What `import` emits. */
export type BulkImportResult = MultipleResult<BulkImportSuccess, BulkImportError>;

/** A document written by `write` or `mWrite`, as stored: no Kuzzle metadata is added. */
export interface BulkDocument<S extends object = DocumentSource> {
  readonly _id: string;
  readonly _version?: number;
  readonly _source: S;
}

/** What `mWrite` emits. */
export type BulkMWriteResult<S extends object = DocumentSource> = MultipleResult<BulkDocument<S>, DocumentWriteError>;
