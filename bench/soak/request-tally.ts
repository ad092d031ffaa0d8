import { defer, tap, type Observable } from 'rxjs';
import { isKuzzleError } from '../../src';

/** An error's class name; a `KuzzleError` with its id, e.g. `KuzzleError services.storage.unknown_index`. */
export const errorName = (error: unknown): string => {
  if (isKuzzleError(error)) return `KuzzleError ${error.id ?? error.status}`;
  return error instanceof Error ? error.name : typeof error;
};

/** How the requests of one kind ended: each request's Observable either completes, errors, or is still running. */
export class RequestTally {
  sent = 0;
  answered = 0;
  failed = 0;
  /** Unsubscribed before it ended (the soak never does it: a request left running at the end is given up). */
  abandoned = 0;
  readonly failures = new Map<string, number>();

  constructor(readonly label: string) {}

  /** Sent and neither answered, failed nor given up. */
  get inFlight(): number {
    return this.sent - this.answered - this.failed - this.abandoned;
  }

  /** `request$`, counted: sent on subscription, then answered (completed) or failed (by error name). */
  track<T>(request$: Observable<T>): Observable<T> {
    return defer(() => {
      this.sent++;
      return request$.pipe(
        tap({
          complete: () => this.answered++,
          error: (error: unknown) => {
            this.failed++;
            const name = errorName(error);
            this.failures.set(name, (this.failures.get(name) ?? 0) + 1);
          },
          unsubscribe: () => this.abandoned++,
        }),
      );
    });
  }

  /** `ConnectionLostError 3, RequestTimeoutError 1`, or `none`. */
  failuresText(): string {
    const parts = [...this.failures].map(([name, n]) => `${name} ${n}`);
    return parts.length > 0 ? parts.join(', ') : 'none';
  }
}
