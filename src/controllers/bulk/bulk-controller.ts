import { map, type Observable } from 'rxjs';
import type { JsonObject } from '../arguments';
import { BaseController, type QuerySender } from '../base-controller';
import { inCollection } from '../collection/in-collection';
import { documentsToWrite } from '../document/checks';
import type { DocumentToWrite } from '../document/types';
import type {
  BulkDocument,
  BulkImportOptions,
  BulkImportResult,
  BulkMWriteOptions,
  BulkMWriteResult,
  BulkWriteDocumentOptions,
  BulkWriteOptions,
} from './types';

/**
 * The bulk controller: imports and writes straight to the storage, without Kuzzle's metadata, specifications checks
 * or (unless asked) realtime notifications. Each method emits what the same kuzzle-sdk 7 method resolves to.
 */
export class BulkController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'bulk');
  }

  /** Deletes every document matching `query` (`{ query: {...} }`) at once; emits how many were deleted. */
  deleteByQuery(index: string, collection: string, query: JsonObject = {}, options?: BulkWriteOptions): Observable<number> {
    return this.call<{ deleted: number }>('deleteByQuery', options, (check) => ({
      ...inCollection(check, index, collection),
      body: check.object('query', query),
    })).pipe(map((r) => r.deleted));
  }

  /**
   * Runs storage bulk actions (`[{ index: { _id } }, { ...content }, { delete: { _id } }, ...]`); emits the actions that
   * succeeded and those that failed, each under its name.
   */
  import(index: string, collection: string, bulkData: readonly JsonObject[], options?: BulkImportOptions): Observable<BulkImportResult> {
    return this.call('import', options, (check) => ({
      ...inCollection(check, index, collection),
      body: { bulkData: check.array('bulkData', bulkData, (name, item) => check.object(name, item)) },
    }));
  }

  /** Changes every document matching `query` (the query itself: `{ match: {...} }`) at once; emits how many were updated. */
  updateByQuery(index: string, collection: string, query: JsonObject, changes: JsonObject, options?: BulkWriteOptions): Observable<number> {
    return this.call<{ updated: number }>('updateByQuery', options, (check) => ({
      ...inCollection(check, index, collection),
      body: { query: check.object('query', query), changes: check.object('changes', changes) },
    })).pipe(map((r) => r.updated));
  }

  /** Creates or replaces a document as given, `_kuzzle_info` included (`id`: the server chooses one when omitted); emits it. */
  write<S extends object>(
    index: string,
    collection: string,
    document: S,
    id?: string,
    options?: BulkWriteDocumentOptions,
  ): Observable<BulkDocument<S>> {
    return this.call('write', options, (check) => ({
      ...inCollection(check, index, collection),
      _id: check.optionalString('id', id),
      body: check.object('document', document),
    }));
  }

  /** Creates or replaces several documents as given; emits those written and those that failed, with why. */
  mWrite<S extends object>(
    index: string,
    collection: string,
    documents: readonly DocumentToWrite<S>[],
    options?: BulkMWriteOptions,
  ): Observable<BulkMWriteResult<S>> {
    return this.call('mWrite', options, (check) => ({
      ...inCollection(check, index, collection),
      body: { documents: documentsToWrite(check, documents, false) },
    }));
  }
}
