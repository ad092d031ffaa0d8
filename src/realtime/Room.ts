import { Subject, type Subscription } from 'rxjs';
import type { Volatile } from '../client/request';
import type { Notification } from './notifications';
import type { Scope } from './options';

/** What identifies one server subscription. */
export interface RoomSpec {
  readonly index: string;
  readonly collection: string;
  readonly filters: Record<string, unknown>;
  readonly scope: Scope;
  readonly users: Scope;
  readonly volatile: Volatile | undefined;
}

/**
 * One server subscription shared by every local subscriber with the same spec. `pending` until the server
 * acknowledges it, `live` after, `closed` once its last local subscriber left.
 */
export class Room {
  readonly notifications = new Subject<Notification>();
  roomId: string | undefined;
  channel: string | undefined;
  subscribers = 0;
  status: 'pending' | 'live' | 'closed' = 'pending';
  request: Subscription | undefined;

  constructor(
    readonly key: string,
    readonly spec: RoomSpec,
  ) {}

  /** The filters part of the spec: rooms with the same one share a roomId on the server. */
  get filtersKey(): string {
    return this.key.split('\u0000')[0] ?? this.key;
  }
}
