/** Error ids by which the server says the token attached to a request is no longer valid. */
const TOKEN_ERRORS: ReadonlySet<string> = new Set(['security.token.invalid', 'security.token.expired']);

export function isTokenError(id: string | undefined): boolean {
  return id !== undefined && TOKEN_ERRORS.has(id);
}

/** The session's token in token mode (never used in cookie mode, where the cookie carries the session). */
export class TokenStore {
  private token: string | null = null;

  get jwt(): string | null {
    return this.token;
  }

  set(jwt: string | null): void {
    this.token = jwt;
  }

  /** Drops the token; true when there was one. */
  clear(): boolean {
    const had = this.token !== null;
    this.token = null;
    return had;
  }
}
