import { distinctUntilChanged, map, of, startWith, switchMap, timer, type Observable, type SchedulerLike } from 'rxjs';

/** How a refused connection is turned away. */
export type RefusalMode =
  /** Reset at once (TCP RST): the client sees ECONNRESET before any handshake answer, as from a server that is down. */
  | 'reset'
  /** Accepted, then closed at once (TCP FIN): the client sees the socket end before any answer, as from a balancer without backends. */
  | 'close';

/** `refuse(ms?)` and `accept()` calls. */
export type RefusalCommand = { readonly refuse: true; readonly ms: number | undefined } | { readonly refuse: false };

/**
 * Whether new connections are refused, from the commands: `refuse(ms)` refuses for `ms` then accepts again,
 * `refuse()` until `accept()`; a later command replaces an earlier one. Starts accepting.
 */
export function refusalState(commands$: Observable<RefusalCommand>, scheduler: SchedulerLike): Observable<boolean> {
  return commands$.pipe(
    switchMap((command) =>
      command.refuse && command.ms !== undefined
        ? timer(command.ms, scheduler).pipe(
            map(() => false),
            startWith(true),
          )
        : of(command.refuse),
    ),
    startWith(false),
    distinctUntilChanged(),
  );
}
