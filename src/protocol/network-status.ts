import { fromEvent, map, merge, NEVER, type Observable } from 'rxjs';

/**
 * The device's network as the browser tells it: `false` at each `offline` event, `true` at each `online` one. Never
 * emits where there are no such events (Node).
 */
export function browserNetworkStatus(): Observable<boolean> {
  const target = globalThis as { addEventListener?: unknown };
  if (typeof target.addEventListener !== 'function' || typeof navigator === 'undefined') return NEVER;
  const events = globalThis as unknown as EventTarget;
  return merge(fromEvent(events, 'offline').pipe(map(() => false)), fromEvent(events, 'online').pipe(map(() => true)));
}
