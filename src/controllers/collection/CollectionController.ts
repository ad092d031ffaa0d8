import { BaseController, type QuerySender } from '../BaseController';

/** The collection controller: collections, their mappings and specifications. */
export class CollectionController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'collection');
  }
}
