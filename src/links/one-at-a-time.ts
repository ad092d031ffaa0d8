import { Observable, type Subscription } from 'rxjs';

/**
 * Runs the Observables handed to `run` one at a time, in the order they are subscribed: each starts once the one
 * before it ended (completed, errored or was unsubscribed). A waiting one that is unsubscribed leaves the line.
 */
export class OneAtATime {
  private busy = false;
  /** The starts of the waiting ones, first in line first. */
  private readonly line: Array<() => void> = [];

  run<T>(work$: Observable<T>): Observable<T> {
    return new Observable<T>((subscriber) => {
      const turn: { started: boolean; subscription?: Subscription } = { started: false };
      const start = () => {
        turn.started = true;
        turn.subscription = work$.subscribe(subscriber);
      };
      if (this.busy) this.line.push(start);
      else {
        this.busy = true;
        start();
      }
      return () => {
        turn.subscription?.unsubscribe();
        if (!turn.started) {
          this.line.splice(this.line.indexOf(start), 1);
          return;
        }
        const next = this.line.shift();
        if (next) next();
        else this.busy = false;
      };
    });
  }
}
