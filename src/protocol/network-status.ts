import { NEVER, Observable } from 'rxjs';

/**
 * The device's network as the browser tells it: `false` at each `offline` event, `true` at each `online` one. Never
 * emits where there are no such events (Node).
 *
 * Two listeners on one target rather than rxjs' `fromEvent`, which handles every kind of emitter (DOM, Node, jQuery)
 * and weighs 0.8 KB of every browser bundle for it.
 */
export function browserNetworkStatus(): Observable<boolean> {
  const target = globalThis as { addEventListener?: unknown };
  if (typeof target.addEventListener !== 'function' || typeof navigator === 'undefined') return NEVER;
  const events = globalThis as unknown as EventTarget;
  return new Observable<boolean>((subscriber) => {
    const offline = () => subscriber.next(false);
    const online = () => subscriber.next(true);
    events.addEventListener('offline', offline);
    events.addEventListener('online', online);
    return () => {
      events.removeEventListener('offline', offline);
      events.removeEventListener('online', online);
    };
  });
}
