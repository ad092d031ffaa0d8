/** A document notification as the server sends it on `channel`: a `create` of document `id` by another client. */
export function documentNotification(channel: string, id: string): Record<string, unknown> {
  return {
    type: 'document',
    status: 200,
    action: 'create',
    scope: 'in',
    result: { _id: id, _source: { color: 'red' }, _version: 1 },
    event: 'write',
    requestId: 'other-client-1',
    timestamp: 1795654382676,
    volatile: null,
    index: 'i',
    collection: 'c',
    controller: 'document',
    protocol: 'websocket',
    room: channel,
  };
}
