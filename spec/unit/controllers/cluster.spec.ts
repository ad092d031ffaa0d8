import { clientHarness, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';

beforeEach(() => FakeWebSocket.reset());

describe('cluster controller', () => {
  it('emits the status result as the server sends it, then completes', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const status = observe(kuzzle.cluster.status({ timeout: 1000 }));
    expect(socket.requests).toEqual([expect.objectContaining({ controller: 'cluster', action: 'status' })]);
    expect(socket.lastRequest['timeout']).toBeUndefined();
    socket.respond(socket.lastRequest, { activeNodes: 1, nodes: [], activity: [] });
    expect(status.values).toEqual([{ activeNodes: 1, nodes: [], activity: [] }]);
    expect(status.completed).toBe(true);
  });
});
