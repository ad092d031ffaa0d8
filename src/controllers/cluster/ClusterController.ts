import { BaseController, type QuerySender } from '../BaseController';

/** The cluster controller (not wrapped by the official SDK). */
export class ClusterController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'cluster');
  }
}
