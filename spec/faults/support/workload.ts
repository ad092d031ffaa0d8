import { firstValueFrom, type Observable } from 'rxjs';
import type { Kuzzle } from '../../../src';
import { within } from './within';

export type RequestKind = 'server:now' | 'document:get' | 'document:create';

/** One request of the workload and how it ended. */
export interface WorkloadRequest {
  readonly kind: RequestKind;
  /** The workload's own number: creates carry it in the document (`seq`), to find duplicates on the server. */
  readonly seq: number;
  readonly issuedAt: number;
  settledAt: number | undefined;
  outcome: { readonly ok: true; readonly id: string | undefined } | { readonly ok: false; readonly error: unknown } | undefined;
}

/** The id of the document the workload reads (`document:get`). */
export const SEED_ID = 'seed';

/**
 * Steady traffic from the client under test: every `everyMs`, one read (alternately `server:now` and a
 * `document:get`) and one write (`document:create` with a server-chosen id, so that a write sent twice would create
 * two documents). Every request is recorded with its outcome.
 */
export class Workload {
  readonly requests: WorkloadRequest[] = [];
  private readonly pending: Array<Promise<void>> = [];
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;

  constructor(
    private readonly kuzzle: Kuzzle,
    private readonly index: string,
    private readonly collection: string,
    private readonly everyMs = 50,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.tick(), this.everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Waits until every request issued so far has ended. */
  settled(ms: number): Promise<void> {
    const unsettled = () => this.requests.filter((request) => request.outcome === undefined).map((r) => `${r.kind} #${r.seq}`);
    return within(
      Promise.all(this.pending).then(() => undefined),
      ms,
      'every workload request to end',
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}; still pending: ${unsettled().join(', ')}`);
    });
  }

  get writes(): WorkloadRequest[] {
    return this.requests.filter((request) => request.kind === 'document:create');
  }

  get reads(): WorkloadRequest[] {
    return this.requests.filter((request) => request.kind !== 'document:create');
  }

  private tick(): void {
    const n = ++this.seq;
    this.issue(n % 2 === 0 ? 'server:now' : 'document:get', n, n % 2 === 0 ? this.kuzzle.server.now() : this.read());
    this.issue('document:create', n, this.kuzzle.document.create(this.index, this.collection, { seq: n, lane: n % 3 }));
  }

  private read(): Observable<unknown> {
    return this.kuzzle.document.get(this.index, this.collection, SEED_ID);
  }

  private issue(kind: RequestKind, seq: number, source$: Observable<unknown>): void {
    const request: WorkloadRequest = { kind, seq, issuedAt: Date.now(), settledAt: undefined, outcome: undefined };
    this.requests.push(request);
    this.pending.push(
      firstValueFrom(source$).then(
        (value) => {
          request.settledAt = Date.now();
          const id = kind === 'document:create' ? (value as { _id?: string })._id : undefined;
          request.outcome = { ok: true, id };
        },
        (error: unknown) => {
          request.settledAt = Date.now();
          request.outcome = { ok: false, error };
        },
      ),
    );
  }
}
