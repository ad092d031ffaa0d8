import { BaseController, type QuerySender } from '../BaseController';

/** The index controller. */
export class IndexController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'index');
  }
}
