import type { Observable } from 'rxjs';
import { BaseController, type CallOptions, type QuerySender } from '../base-controller';
import type { ClusterStatus } from './types';

/**
 * The cluster controller (not wrapped by the official SDK). Its one method emits once, then completes; besides the
 * errors its `@throws` tags name, it can error with those of every request (see `BaseController`).
 *
 * @example The nodes of the cluster, and when they joined
 * ```ts
 * kuzzle.cluster.status().subscribe(({ activeNodes, nodes }) =>
 *   console.log(
 *     `${activeNodes} node(s):`,
 *     nodes.map((node) => `${node.id} since ${node.birthdate}`),
 *   ),
 * );
 * ```
 */
export class ClusterController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'cluster');
  }

  /**
   * Emits the cluster's nodes and recent history (`{ activeNodes, nodes, activity }`) once, then completes.
   *
   * @throws {KuzzleError} `security.rights.forbidden` (403) when the user may not run `cluster:status`; the action has
   * no error of its own.
   */
  status(options?: CallOptions): Observable<ClusterStatus> {
    return this.call('status', options);
  }
}
