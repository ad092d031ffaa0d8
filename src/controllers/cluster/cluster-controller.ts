import type { Observable } from 'rxjs';
import { BaseController, type CallOptions, type QuerySender } from '../base-controller';
import type { ClusterStatus } from './types';

/** The cluster controller (not wrapped by the official SDK). */
export class ClusterController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'cluster');
  }

  /** Emits the cluster's nodes and recent history (`{ activeNodes, nodes, activity }`). */
  status(options?: CallOptions): Observable<ClusterStatus> {
    return this.call('status', options);
  }
}
