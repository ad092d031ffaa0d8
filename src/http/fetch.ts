/** The subset of a fetch Response the client reads: WHATWG fetch and node-fetch 2 both fit. */
export interface FetchResponseLike {
  readonly status: number;
  readonly headers: {
    get(name: string): string | null;
    /** WHATWG fetch (undici) only: every Set-Cookie header, unfolded. */
    getSetCookie?: () => string[];
    /** node-fetch 2 only: every value of a header. */
    raw?: () => Record<string, string[]>;
  };
  text(): PromiseLike<string>;
}

export interface FetchInitLike {
  method: string;
  headers: Record<string, string>;
  body?: string;
  credentials?: 'include' | 'omit' | 'same-origin';
  signal?: AbortSignal;
}

/** A `fetch` function: the global one, node-fetch 2, or a test double. */
export type FetchLike = (url: string, init: FetchInitLike) => PromiseLike<FetchResponseLike>;
