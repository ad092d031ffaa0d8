import { describeMatch, describeRequest, matchesRequest, type RequestMatch } from './request-match';
import type { TestRequest } from './test-request';

/**
 * The requests a backend received, and the expectations on them: each request is open until an expectation takes it
 * or its connection closes (the server can no longer answer it). A failed expectation says what was sent instead.
 */
export class RequestLog {
  private readonly received: TestRequest[] = [];
  private unhandled: TestRequest[] = [];

  /** `connected` tells whether the client has a connection open (for the message of a failed expectation). */
  constructor(private readonly connected: () => boolean) {}

  /** Every request received, answered or not, in order. */
  get all(): readonly TestRequest[] {
    return [...this.received];
  }

  /** Records a request; `open` when the test is to answer it (not the backend itself). */
  record(request: TestRequest, open: boolean): void {
    this.received.push(request);
    if (open) this.unhandled.push(request);
  }

  expectOne(match: RequestMatch, description: string | undefined): TestRequest {
    const found = this.find(match);
    const [only] = found;
    if (found.length === 1 && only) {
      this.take(found);
      return only;
    }
    const detail = found.length > 1 ? list('Matching', found) : this.sentInstead(match);
    throw new Error(`Expected one request for ${description ?? describeMatch(match)}, found ${found.length}. ${detail}`);
  }

  expectNone(match: RequestMatch, description: string | undefined): void {
    const found = this.find(match);
    if (found.length > 0)
      throw new Error(`Expected no request for ${description ?? describeMatch(match)}, found ${found.length}. ${list('Matching', found)}`);
  }

  match(match: RequestMatch): TestRequest[] {
    return this.take(this.find(match));
  }

  verify(): void {
    const open = this.open();
    if (open.length > 0) throw new Error(`Expected no unhandled request, found ${open.length}. ${list('Waiting for an answer', open)}`);
  }

  /** The requests not taken yet, on connections still open. */
  private open(): TestRequest[] {
    this.unhandled = this.unhandled.filter((request) => request.connectionOpen);
    return [...this.unhandled];
  }

  private find(match: RequestMatch): TestRequest[] {
    return this.open().filter((request) => matchesRequest(request.request, match));
  }

  private take(requests: readonly TestRequest[]): TestRequest[] {
    this.unhandled = this.unhandled.filter((request) => !requests.includes(request));
    return [...requests];
  }

  /** What a failed expectation was sent instead: the requests waiting, and those of its kind already dealt with. */
  private sentInstead(match: RequestMatch): string {
    const open = this.open();
    const before = this.received.filter((request) => !open.includes(request) && matchesRequest(request.request, match)).length;
    const earlier =
      before === 0
        ? ''
        : ` (${before} matching request${before === 1 ? ' was' : 's were'} sent before and already taken, answered or lost with its connection)`;
    if (open.length > 0) return `${list('Sent instead, waiting for an answer', open)}${earlier}`;
    return `No request is waiting for an answer${this.connected() ? '' : ', and the client is not connected'}${earlier}.`;
  }
}

function list(heading: string, requests: readonly TestRequest[]): string {
  return `${heading}:\n${requests.map((request) => `  ${describeRequest(request.request)}`).join('\n')}`;
}
