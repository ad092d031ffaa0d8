import { firstValueFrom } from 'rxjs';
import { Kuzzle, WebSocketProtocol } from '../../../src';
import { CHAT, NOTES } from '../src/app/api';

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/**
 * Makes the server ready for the page: the index and its two collections, and (on a real server, whose users are not
 * configured at start) the user the page logs in as. Anonymous must have the rights to do so, as on a fresh server.
 */
export async function prepareServer(host: string, port: number, index: string, user?: Credentials): Promise<void> {
  const kuzzle = new Kuzzle(new WebSocketProtocol(host, { port, reconnectionDelay: 200, maxReconnectionDelay: 1000 }));
  try {
    await firstValueFrom(kuzzle.connect());
    if (!(await firstValueFrom(kuzzle.index.exists(index)))) await firstValueFrom(kuzzle.index.create(index));
    for (const collection of [NOTES, CHAT]) await firstValueFrom(kuzzle.collection.create(index, collection));
    if (user && !(await exists(kuzzle, user.username))) {
      await firstValueFrom(
        kuzzle.security.createUser(
          user.username,
          { content: { profileIds: ['default'] }, credentials: { local: { ...user } } },
          { refresh: 'wait_for' },
        ),
      );
    }
  } finally {
    kuzzle.disconnect();
  }
}

const exists = (kuzzle: Kuzzle, id: string): Promise<boolean> =>
  firstValueFrom(kuzzle.security.getUser(id)).then(
    () => true,
    () => false,
  );
