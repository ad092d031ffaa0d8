import { EmbeddedKuzzleServer } from '../../../src/testing';
import { sleep, WsClient } from './ws-client';

describe('EmbeddedKuzzleServer idle timeout', () => {
  let server: EmbeddedKuzzleServer;

  afterEach(async () => {
    await server.stop();
  });

  it('destroys a socket that sent nothing for idleTimeout (1006), even if it receives notifications', async () => {
    server = await EmbeddedKuzzleServer.start({ idleTimeout: 300 });
    const quiet = await WsClient.open(server.url);
    await quiet.request({ controller: 'realtime', action: 'subscribe', index: 'i', collection: 'c', body: {} });
    const publisher = await WsClient.open(server.url);
    const started = Date.now();
    const publishing = setInterval(
      () => publisher.send({ controller: 'realtime', action: 'publish', index: 'i', collection: 'c', body: {} }),
      50,
    );
    try {
      const closed = await quiet.closed;
      expect(closed.code).toBe(1006);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(quiet.frames.some((frame) => frame['type'] === 'document')).toBe(true);
    } finally {
      clearInterval(publishing);
      publisher.close();
    }
  });

  it.each([
    ['{"p":1} frames', (client: WsClient) => client.send('{"p":1}')],
    ['RFC ping frames', (client: WsClient) => client.socket.ping()],
  ])('keeps a socket that keeps sending %s', async (_kind, ping) => {
    server = await EmbeddedKuzzleServer.start({ idleTimeout: 300 });
    const client = await WsClient.open(server.url);
    const pinging = setInterval(() => ping(client), 100);
    try {
      await sleep(900);
      expect(server.connectionCount).toBe(1);
    } finally {
      clearInterval(pinging);
      client.close();
    }
  });

  it('can be disabled with 0', async () => {
    server = await EmbeddedKuzzleServer.start({ idleTimeout: 0 });
    const client = await WsClient.open(server.url);
    await sleep(300);
    expect(server.connectionCount).toBe(1);
    client.close();
  });
});
