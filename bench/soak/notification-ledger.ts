/**
 * The writes of the soak and the notifications they caused, matched by the write's number `w` (in its `_source`).
 *
 * A write answered while the link stays up for `grace` ms afterwards must be notified: its notification left the
 * server with the answer or just after it. One answered less than `grace` ms before a link loss is "at risk": its
 * notification may have been on the cut link, and realtime has no replay. A write that failed (its answer was lost
 * with the link) may or may not have been done by the server.
 *
 * Preallocated typed arrays rather than Maps and Sets: the ledger lives through the whole soak, and must not grow
 * the heap that the soak measures.
 */
const ANSWERED = 1;
const NOTIFIED = 2;
const AT_RISK = 4;
const FAILED = 8;

export interface LedgerSummary {
  /** Writes answered while the link then stayed up: each must be notified. */
  readonly expected: number;
  readonly expectedNotified: number;
  readonly atRisk: number;
  readonly atRiskNotified: number;
  /** Writes whose answer was lost with the link, yet notified (the server had done them). */
  readonly failedNotified: number;
  readonly duplicates: number;
  /** Notifications of a `w` never written (or out of the ledger). */
  readonly strays: number;
  /** Windows between two losses (by when the write was sent) whose expected writes were all notified, of those with any. */
  readonly completeWindows: number;
  readonly windows: number;
}

export class NotificationLedger {
  private readonly flags: Uint8Array;
  private readonly answeredAt: Float64Array;
  /** The restoration (0: before the first fault) during which each write was issued. */
  private readonly windowOf: Uint16Array;
  private issued = 0;
  private window = 0;
  private duplicates = 0;
  private strays = 0;

  constructor(
    capacity: number,
    private readonly grace: number,
  ) {
    this.flags = new Uint8Array(capacity);
    this.answeredAt = new Float64Array(capacity);
    this.windowOf = new Uint16Array(capacity);
  }

  /** The number of the next write, or undefined once the ledger is full. */
  issue(): number | undefined {
    if (this.issued >= this.flags.length) return undefined;
    this.windowOf[this.issued] = this.window;
    return this.issued++;
  }

  answered(w: number, at: number): void {
    this.flags[w] = (this.flags[w] ?? 0) | ANSWERED;
    this.answeredAt[w] = at;
  }

  failed(w: number): void {
    this.flags[w] = (this.flags[w] ?? 0) | FAILED;
  }

  notified(w: unknown): void {
    if (typeof w !== 'number' || !Number.isInteger(w) || w < 0 || w >= this.issued) {
      this.strays++;
      return;
    }
    const flags = this.flags[w] ?? 0;
    if (flags & NOTIFIED) this.duplicates++;
    this.flags[w] = flags | NOTIFIED;
  }

  /** The link is lost at `at`: writes answered since `at - grace` are at risk (notified already or not). */
  linkLost(at: number): void {
    for (let w = 0; w < this.issued; w++) {
      const flags = this.flags[w] ?? 0;
      if (flags & ANSWERED && (this.answeredAt[w] ?? 0) > at - this.grace) this.flags[w] = flags | AT_RISK;
    }
  }

  /** The subscriptions are restored: the writes issued from now on belong to the next window. */
  restored(): void {
    this.window++;
  }

  summary(): LedgerSummary {
    let expected = 0;
    let expectedNotified = 0;
    let atRisk = 0;
    let atRiskNotified = 0;
    let failedNotified = 0;
    const missedIn = new Set<number>();
    const windowsWithWrites = new Set<number>();
    for (let w = 0; w < this.issued; w++) {
      const flags = this.flags[w] ?? 0;
      const notified = (flags & NOTIFIED) !== 0;
      if (flags & FAILED) {
        if (notified) failedNotified++;
      } else if (flags & AT_RISK) {
        atRisk++;
        if (notified) atRiskNotified++;
      } else if (flags & ANSWERED) {
        expected++;
        windowsWithWrites.add(this.windowOf[w] ?? 0);
        if (notified) expectedNotified++;
        else missedIn.add(this.windowOf[w] ?? 0);
      }
    }
    return {
      expected,
      expectedNotified,
      atRisk,
      atRiskNotified,
      failedNotified,
      duplicates: this.duplicates,
      strays: this.strays,
      windows: windowsWithWrites.size,
      completeWindows: windowsWithWrites.size - missedIn.size,
    };
  }
}
