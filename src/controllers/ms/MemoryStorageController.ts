import { BaseController, type QuerySender } from '../BaseController';

/** The memory storage controller: Redis commands on the server's memory storage. */
export class MemoryStorageController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'ms');
  }
}
