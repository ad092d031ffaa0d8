import { filter, firstValueFrom, take, toArray } from 'rxjs';
import { Kuzzle, WebSocketProtocol } from '../../src';
import { EmbeddedKuzzleServer } from '../../src/testing';

describe('the largest frame the client accepts (maxPayload, Node)', () => {
  let server: EmbeddedKuzzleServer;
  let kuzzle: Kuzzle | undefined;

  beforeAll(async () => {
    server = await EmbeddedKuzzleServer.start();
  });
  afterEach(() => kuzzle?.disconnect());
  afterAll(() => server.stop());

  const connect = async (maxPayload?: number): Promise<Kuzzle> => {
    const client = new Kuzzle(
      new WebSocketProtocol('127.0.0.1', { port: server.port, reconnectionDelay: 50, ...(maxPayload ? { maxPayload } : {}) }),
    );
    await firstValueFrom(client.connect());
    kuzzle = client;
    return client;
  };

  it('drops a socket that receives a larger frame instead of buffering it, says why, then reconnects', async () => {
    const client = await connect(4096);
    const events = firstValueFrom(
      client.events$.pipe(
        filter((event) => event.type === 'disconnected' || event.type === 'networkError' || event.type === 'reconnected'),
        take(3),
        toArray(),
      ),
    );
    server.sendRaw(JSON.stringify({ padding: 'x'.repeat(8192) }));
    const [disconnected, networkError, reconnected] = await events;
    expect(disconnected).toMatchObject({ type: 'disconnected', origin: 'network' });
    expect(networkError?.type === 'networkError' && networkError.error.message).toBe('Max payload size exceeded');
    expect(reconnected).toEqual({ type: 'reconnected' });
  });

  it('takes a 10 MB frame by default: it arrives, and is set aside as a frame of no known shape', async () => {
    const client = await connect();
    const discarded = firstValueFrom(client.events$.pipe(filter((event) => event.type === 'discarded')));
    server.sendRaw(JSON.stringify({ padding: 'x'.repeat(10 * 1024 * 1024) }));
    expect(await discarded).toMatchObject({ type: 'discarded', reason: 'unexpected-shape' });
    expect(typeof (await firstValueFrom(client.server.now()))).toBe('number');
  });
});
