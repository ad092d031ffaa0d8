let counter = 0;

/**
 * Request ids: `crypto.randomUUID()` where it exists; browsers only expose it on secure origins, so elsewhere a
 * random prefix plus a counter, unique within this page.
 */
export function randomId(
  crypto: { randomUUID?: () => string } | undefined = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto,
): string {
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  counter += 1;
  return `${Math.random().toString(36).slice(2, 10)}-${Date.now().toString(36)}-${counter.toString(36)}`;
}
