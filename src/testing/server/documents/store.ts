import { kerror } from '../errors';
import type { JsonObject } from '../json';

export interface StoredDocument {
  readonly _id: string;
  readonly _source: JsonObject;
  readonly _version: number;
}

export type Collection = Map<string, StoredDocument>;

/** Indexes and collections of documents, in memory. Survives restarts, like a database would. */
export class DocumentStore {
  private readonly indexes = new Map<string, Map<string, Collection>>();

  createIndex(index: string): void {
    if (this.indexes.has(index)) {
      throw kerror('services.storage.index_already_exists', 'public', index);
    }
    this.indexes.set(index, new Map());
  }

  deleteIndex(index: string): void {
    if (!this.indexes.delete(index)) {
      throw kerror('services.storage.unknown_index', index);
    }
  }

  hasIndex(index: string): boolean {
    return this.indexes.has(index);
  }

  listIndexes(): string[] {
    return [...this.indexes.keys()];
  }

  /** Creating an existing collection is fine, as on the real server. */
  createCollection(index: string, collection: string): void {
    const collections = this.requireIndex(index);
    if (!collections.has(collection)) {
      collections.set(collection, new Map());
    }
  }

  deleteCollection(index: string, collection: string): void {
    if (!this.requireIndex(index).delete(collection)) {
      throw kerror('services.storage.unknown_collection', index, collection);
    }
  }

  hasCollection(index: string, collection: string): boolean {
    return this.indexes.get(index)?.has(collection) ?? false;
  }

  listCollections(index: string): string[] {
    return [...this.requireIndex(index).keys()];
  }

  /** The documents of a collection, or the real server's unknown index/collection error. */
  collection(index: string, collection: string): Collection {
    const documents = this.requireIndex(index).get(collection);
    if (documents === undefined) {
      throw kerror('services.storage.unknown_collection', index, collection);
    }
    return documents;
  }

  private requireIndex(index: string): Map<string, Collection> {
    const collections = this.indexes.get(index);
    if (collections === undefined) {
      throw kerror('services.storage.unknown_index', index);
    }
    return collections;
  }
}
