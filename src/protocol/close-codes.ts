/**
 * Close codes after which reconnecting cannot help: the server rejected what this client speaks.
 * Everything else (1000 and 1001 included: a server restart closes with them) is retried.
 */
const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  1002, // protocol error
  1003, // unsupported data
  1007, // invalid frame payload data
  1010, // mandatory extension missing
]);

export function isFatalClose(code: number | undefined): boolean {
  return code !== undefined && FATAL_CLOSE_CODES.has(code);
}
