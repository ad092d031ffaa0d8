import { Injectable } from '@angular/core';
import { from, type Observable } from 'rxjs';
import type { ControlOutcome, ServerControl } from './api';

/** The playground server's controls over the Kuzzle server (`POST /api/<control>`). */
@Injectable({ providedIn: 'root' })
export class ServerControls {
  run(control: ServerControl): Observable<string> {
    return from(
      fetch(`/api/${control}`, { method: 'POST' }).then(async (response) => {
        const outcome = (await response.json()) as ControlOutcome;
        if (!outcome.ok) throw new Error(outcome.message);
        return outcome.message;
      }),
    );
  }
}
