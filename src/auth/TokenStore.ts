import { BehaviorSubject, distinctUntilChanged, map, type Observable } from 'rxjs';

/** Error ids by which the server says the token attached to a request is no longer valid. */
const TOKEN_ERRORS: ReadonlySet<string> = new Set(['security.token.invalid', 'security.token.expired']);

export function isTokenError(id: string | undefined): boolean {
  return id !== undefined && TOKEN_ERRORS.has(id);
}

/** The session's token in token mode (never used in cookie mode, where the cookie carries the session). */
export class TokenStore {
  private readonly token = new BehaviorSubject<string | null>(null);

  /** Whether a token is held now. */
  readonly authenticated$: Observable<boolean> = this.token.pipe(
    map((jwt) => jwt !== null),
    distinctUntilChanged(),
  );

  get jwt(): string | null {
    return this.token.value;
  }

  set(jwt: string | null): void {
    this.token.next(jwt);
  }

  /** Drops the token; true when there was one. */
  clear(): boolean {
    const had = this.token.value !== null;
    if (had) this.token.next(null);
    return had;
  }
}
