/** The storage statistics of one collection. */
export interface CollectionStats {
  readonly name: string;
  readonly documentCount: number;
  /** Bytes. */
  readonly size: number;
}

/** What `index.stats()` emits: the storage used by every index and collection. */
export interface IndexStats {
  readonly indexes: readonly { readonly name: string; readonly size: number; readonly collections: readonly CollectionStats[] }[];
  /** Bytes, every index included. */
  readonly size: number;
}
