/** The blank line that ends an HTTP head. */
export const HEAD_END = Buffer.from('\r\n\r\n');

/** A head longer than this is not HTTP the proxy understands: what follows is forwarded untouched. */
export const MAX_HEAD_LENGTH = 64 * 1024;

/** A request head asking to switch to WebSocket. */
export const asksForWebSocket = (head: string): boolean => /^upgrade:[ \t]*websocket[ \t]*$/im.test(head);

/** A response head agreeing to switch protocols. */
export const switchesProtocols = (head: string): boolean => /^HTTP\/1\.[01] 101\b/.test(head);

/**
 * The request head without its `Sec-WebSocket-Extensions` offer: no extension (permessage-deflate) is negotiated,
 * so every frame the proxy reads is plain and predicates see the text the peers exchange.
 */
export function withoutExtensionOffer(head: Buffer): Buffer {
  const text = head.toString('latin1');
  const stripped = text.replace(/^sec-websocket-extensions:[^\r\n]*\r\n/gim, '');
  return stripped === text ? head : Buffer.from(stripped, 'latin1');
}
