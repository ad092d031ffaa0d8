import { filter, firstValueFrom, map } from 'rxjs';
import { RequestDroppedError, type Kuzzle, type KuzzleEvent } from '../../src';
import { startFaultProxy, type FaultProxy } from '../../src/testing';
import { client, nextEvent, record, startTarget, targetNames, twoClientsOnFreshIndex, waitFor, type Target } from '../support/targets';

const QUEUE_AND_RESTORATION: ReadonlyArray<KuzzleEvent['type']> = ['queued', 'resubscribed', 'replayed', 'reconnected'];

/** The offline queue against a server, through a proxy that can cut the link and refuse new connections. */
describe.each(targetNames())('offline queue on the %s server', (name) => {
  let target: Target;
  let proxy: FaultProxy;
  let kuzzle: Kuzzle;
  let other: Kuzzle;
  let viaProxy: Kuzzle;
  let index: string;

  beforeAll(async () => {
    target = await startTarget(name);
  });
  afterAll(async () => {
    await target.stop();
  });
  beforeEach(async () => {
    ({ kuzzle, other, index } = await twoClientsOnFreshIndex(target, 'offlinequeue'));
    proxy = await startFaultProxy({ target: { host: target.host, port: target.port } });
    viaProxy = client({ ...target, port: proxy.port }, { reconnectionDelay: 20, maxReconnectionDelay: 50 });
    await firstValueFrom(viaProxy.connect());
  });
  afterEach(async () => {
    viaProxy.disconnect();
    await proxy.close();
    await firstValueFrom(kuzzle.index.delete(index));
    kuzzle.disconnect();
    other.disconnect();
  });

  it('restores the subscriptions before the queued requests replay: a subscriber hears the queued write', async () => {
    const subscribed = nextEvent(viaProxy, 'subscribed');
    const heard = record(viaProxy.realtime.subscribe(index, 'c', {}).pipe(map((n) => (n.type === 'document' ? n.result._id : n.type))));
    await subscribed;
    const order = record(
      viaProxy.events$.pipe(
        filter((event) => QUEUE_AND_RESTORATION.includes(event.type)),
        map((event) => event.type),
      ),
    );
    // The link goes down and stays down while the write is made.
    proxy.refuse();
    const lost = nextEvent(viaProxy, 'disconnected');
    proxy.all().cut();
    await lost;
    expect(viaProxy.state).toBe('reconnecting');
    const written = firstValueFrom(viaProxy.document.create(index, 'c', { queued: true }, 'queuedwrite'));
    expect(order.values).toEqual(['queued']);

    proxy.accept();
    expect((await written)._id).toBe('queuedwrite');
    await waitFor(() => heard.values.includes('queuedwrite'));
    expect(order.values).toEqual(['queued', 'resubscribed', 'replayed', 'reconnected']);
    expect(heard.errors).toEqual([]);
    heard.stop();
    order.stop();
  });

  it('holds the requests on an open connection until playQueue(); flushQueue() drops the held ones', async () => {
    viaProxy.startQueuing();
    // Had it gone out, it would be in flight, out of the queue's reach, and succeed.
    const flushed = firstValueFrom(viaProxy.document.create(index, 'c', { n: 1 }, 'flushedone')).catch((error: unknown) => error);
    viaProxy.flushQueue();
    const error = await flushed;
    expect(error).toBeInstanceOf(RequestDroppedError);
    expect((error as RequestDroppedError).reason).toBe('flushed');

    const played = firstValueFrom(viaProxy.document.create(index, 'c', { n: 2 }, 'playedone'));
    viaProxy.playQueue().stopQueuing();
    expect((await played)._id).toBe('playedone');
    expect(await firstValueFrom(other.document.exists(index, 'c', 'playedone'))).toBe(true);
    expect(await firstValueFrom(other.document.exists(index, 'c', 'flushedone'))).toBe(false);
  });
});
