/** The cookie the real server sets for cookie authentication. */
export const AUTH_COOKIE = 'authToken';

/** Parses a `Cookie` request header into name/value pairs (first occurrence wins, values URI-decoded). */
export function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0) {
      continue;
    }
    const name = pair.slice(0, separator).trim();
    const raw = pair
      .slice(separator + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (name.length > 0 && !cookies.has(name)) {
      cookies.set(name, safeDecode(raw));
    }
  }
  return cookies;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * `Set-Cookie` for a token, attribute for attribute as the real server writes it. A token that never
 * expires gets a session cookie (the real server would write an already past date).
 */
export function authCookie(jwt: string, expiresAt: number): string {
  const expires = expiresAt < 0 ? '' : `; Expires=${new Date(expiresAt).toUTCString()}`;
  return `${AUTH_COOKIE}=${jwt}; Path=/${expires}; HttpOnly; SameSite=Strict`;
}

/** `Set-Cookie` that logout answers: the literal value `null`, which the server then treats as no cookie. */
export const CLEARED_AUTH_COOKIE = `${AUTH_COOKIE}=null; Path=/; HttpOnly; SameSite=Strict`;
