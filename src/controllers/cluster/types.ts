/** A node of the cluster. */
export interface ClusterNode {
  readonly id: string;
  /** Its cluster address (IPv4 or IPv6). */
  readonly address: string;
  /** When it started, as an ISO 8601 date. */
  readonly birthdate: string;
}

/** A node joining or leaving the cluster. */
export interface ClusterActivity {
  readonly id: string;
  readonly address: string;
  /** When it happened, as an ISO 8601 date. */
  readonly date: string;
  readonly event: 'joined' | 'left' | 'evicted' | string;
  /** Why a node was evicted. */
  readonly reason?: string;
}

/** What `cluster.status()` emits. */
export interface ClusterStatus {
  readonly activeNodes: number;
  readonly nodes: readonly ClusterNode[];
  /** The cluster's recent history, oldest first. */
  readonly activity: readonly ClusterActivity[];
}
