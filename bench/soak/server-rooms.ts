import { firstValueFrom } from 'rxjs';
import type { Kuzzle } from '../../src';

/** The rooms of one collection as the server lists them (`realtime:list`), and their subscribers all told. */
export interface ServerRooms {
  readonly rooms: number;
  readonly subscribers: number;
}

export async function serverRooms(kuzzle: Kuzzle, index: string, collection: string): Promise<ServerRooms> {
  const list = await firstValueFrom(kuzzle.realtime.list());
  const counts = Object.values(list[index]?.[collection] ?? {});
  return { rooms: counts.length, subscribers: counts.reduce((sum, n) => sum + n, 0) };
}
