import type { Link, LinkOperation } from './link';

/**
 * The splitter: each operation goes to `whenTrue` or `whenFalse` by a pure predicate, read once per operation. The
 * client sends the cookie-sensitive actions to HTTP with it and everything else to the WebSocket.
 */
export function split(predicate: (operation: LinkOperation) => boolean, whenTrue: Link, whenFalse: Link): Link {
  return (operation) => (predicate(operation) ? whenTrue(operation) : whenFalse(operation));
}
