const AUTH_COOKIE = 'authToken';

/**
 * Keeps the `authToken` cookie of HTTP responses where no browser does (Node), to send it back at the WebSocket
 * handshake and with later HTTP calls. In a browser `Set-Cookie` is never readable, so the jar stays empty and the
 * browser's own cookie store does the work.
 */
export class CookieJar {
  private token: string | undefined;

  /** Reads every `Set-Cookie` header of a response. */
  store(setCookies: readonly string[]): void {
    for (const header of setCookies) {
      const [pair = '', ...attributes] = header.split(';');
      const separator = pair.indexOf('=');
      if (separator < 0 || pair.slice(0, separator).trim() !== AUTH_COOKIE) continue;
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => {
        const [name = '', date = ''] = attribute.split('=');
        return name.trim().toLowerCase() === 'expires' && Date.parse(date.trim()) <= Date.now();
      });
      this.token = value === '' || value === 'null' || expired ? undefined : value;
    }
  }

  /** The `Cookie` header to send, if any. */
  get cookieHeader(): string | undefined {
    return this.token === undefined ? undefined : `${AUTH_COOKIE}=${this.token}`;
  }

  clear(): void {
    this.token = undefined;
  }
}
