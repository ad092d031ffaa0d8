import { BaseController, type QuerySender } from '../BaseController';

/** The security controller: users, profiles, roles, credentials and API keys. */
export class SecurityController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'security');
  }
}
