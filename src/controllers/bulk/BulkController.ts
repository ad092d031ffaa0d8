import { BaseController, type QuerySender } from '../BaseController';

/** The bulk controller: imports and writes that bypass the usual checks. */
export class BulkController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'bulk');
  }
}
