import { BaseController, type QuerySender } from '../BaseController';

/** The debug controller (not wrapped by the official SDK): the server's Node.js inspector. */
export class DebugController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'debug');
  }
}
