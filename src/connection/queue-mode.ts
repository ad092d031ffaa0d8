/**
 * What the user asked of the offline queue (`startQueuing()`, `stopQueuing()`, `playQueue()`, `flushQueue()`), and
 * what the client asks of it around a cookie renewal (`pause`, then `resume`).
 */
export type QueueCommand = 'start' | 'stop' | 'play' | 'flush' | 'pause' | 'resume';

/**
 * The offline queue's mode, after the user's commands. `plays` and `flushes` count the calls so far: a waiting request
 * keeps the mode it was queued in, and a later count says that a play or a flush came after it (and applies to it),
 * while the requests queued afterwards keep waiting.
 */
export interface QueueMode {
  /** `startQueuing()` was called and `stopQueuing()` not since: requests wait even while connected. */
  readonly holding: boolean;
  /** `playQueue()` calls so far. */
  readonly plays: number;
  /** `flushQueue()` calls so far. */
  readonly flushes: number;
  /** Cookie renewals in progress: requests wait, even while connected, until the socket reopened with the cookie. */
  readonly pauses: number;
}

/** Automatic: requests wait for a connection only. */
export const INITIAL_QUEUE_MODE: QueueMode = Object.freeze({ holding: false, plays: 0, flushes: 0, pauses: 0 });

/** The queue's reducer, pure: the mode after a command. */
export function reduceQueueMode(mode: QueueMode, command: QueueCommand): QueueMode {
  switch (command) {
    case 'start':
      return mode.holding ? mode : { ...mode, holding: true };
    case 'stop':
      return mode.holding ? { ...mode, holding: false } : mode;
    case 'play':
      return { ...mode, plays: mode.plays + 1 };
    case 'flush':
      return { ...mode, flushes: mode.flushes + 1 };
    case 'pause':
      return { ...mode, pauses: mode.pauses + 1 };
    case 'resume':
      return mode.pauses > 0 ? { ...mode, pauses: mode.pauses - 1 } : mode;
  }
}
