import { filter, firstValueFrom, take, timer } from 'rxjs';
import { KuzzleError, TokenExpiredError, type Kuzzle, type Notification } from '../../src';
import { startFaultProxy, type FaultProxy } from '../../src/testing';
import {
  client,
  nextEvent,
  record,
  startTarget,
  twoClientsOnFreshIndex,
  targetNames,
  USER,
  waitFor,
  type Target,
} from '../support/targets';

const documents = (n: Notification[]) => n.flatMap((x) => (x.type === 'document' ? [x] : []));

describe.each(targetNames())('realtime on the %s server', (name) => {
  let target: Target;
  let kuzzle: Kuzzle;
  let other: Kuzzle;
  let index: string;

  beforeAll(async () => {
    target = await startTarget(name);
  });
  afterAll(async () => {
    await target.stop();
  });
  beforeEach(async () => {
    ({ kuzzle, other, index } = await twoClientsOnFreshIndex(target, 'rt'));
  });
  afterEach(() => {
    kuzzle.disconnect();
    other.disconnect();
  });

  const subscribed = (k: Kuzzle = kuzzle) => nextEvent(k, 'subscribed');

  it('delivers create, update and delete notifications with their fields, in server order', async () => {
    const received = record(kuzzle.realtime.subscribe(index, 'c', { equals: { color: 'red' } }));
    await subscribed();
    await firstValueFrom(other.document.create(index, 'c', { color: 'red', size: 1 }, 'd1', { volatile: { reason: 'spec' } }));
    await firstValueFrom(other.document.update(index, 'c', 'd1', { size: 2 }));
    await firstValueFrom(other.document.delete(index, 'c', 'd1'));
    await waitFor(() => received.values.length >= 3);
    const [created, updated, deleted] = documents(received.values);
    expect(created).toMatchObject({
      action: 'create',
      scope: 'in',
      event: 'write',
      result: { _id: 'd1', _source: { color: 'red', size: 1 } },
      volatile: { reason: 'spec' },
    });
    expect(updated).toMatchObject({ action: 'update', scope: 'in', result: { _id: 'd1', _updatedFields: ['size'] } });
    expect(deleted).toMatchObject({ action: 'delete', scope: 'out', event: 'delete', result: { _id: 'd1' } });
    received.stop();
  });

  it('delivers published messages', async () => {
    const first = firstValueFrom(kuzzle.realtime.subscribe(index, 'c', {}));
    await subscribed();
    expect(await firstValueFrom(other.realtime.publish(index, 'c', { msg: 'hello' }))).toBe(true);
    expect(await first).toMatchObject({ type: 'document', event: 'publish', result: { _source: { msg: 'hello' } } });
  });

  it('delivers user notifications with counts', async () => {
    const users = record(kuzzle.realtime.subscribe(index, 'c', {}, { users: 'all' }).pipe(filter((n) => n.type === 'user')));
    await subscribed();
    const joined = other.realtime.subscribe(index, 'c', {}, { users: 'all' }).subscribe();
    await waitFor(() => users.values.length >= 1);
    joined.unsubscribe();
    await waitFor(() => users.values.length >= 2);
    expect(users.values.map((n) => (n.type === 'user' ? [n.user, n.result.count] : []))).toEqual([
      ['in', 2],
      ['out', 1],
    ]);
    users.stop();
  });

  it('filters out its own notifications with subscribeToSelf: false', async () => {
    const received = record(kuzzle.realtime.subscribe(index, 'c', {}, { subscribeToSelf: false }));
    await subscribed();
    await firstValueFrom(kuzzle.realtime.publish(index, 'c', { from: 'self' }));
    await firstValueFrom(other.realtime.publish(index, 'c', { from: 'other' }));
    await waitFor(() => received.values.length >= 1);
    await firstValueFrom(timer(200));
    expect(documents(received.values).map((n) => n.result._source?.['from'])).toEqual(['other']);
    received.stop();
  });

  it('shares one server subscription between identical local subscribers', async () => {
    const subscribedEvents = record(kuzzle.events$.pipe(filter((e) => e.type === 'subscribed')));
    const a = record(kuzzle.realtime.subscribe(index, 'c', { equals: { k: 1 } }));
    const b = record(kuzzle.realtime.subscribe(index, 'c', { equals: { k: 1 } }));
    await waitFor(() => subscribedEvents.values.length >= 1);
    const roomId = subscribedEvents.values[0]?.type === 'subscribed' ? subscribedEvents.values[0].roomId : '';
    expect(await firstValueFrom(other.realtime.count(roomId))).toBe(1);
    await firstValueFrom(other.realtime.publish(index, 'c', { k: 1 }));
    await waitFor(() => a.values.length === 1 && b.values.length === 1);
    a.stop();
    expect(await firstValueFrom(other.realtime.count(roomId))).toBe(1);
    b.stop();
    await waitFor(async () => (await countOrZero(other, roomId)) === 0);
    expect(subscribedEvents.values).toHaveLength(1);
  });

  it('keeps a channel alive when another channel of the same room is unsubscribed', async () => {
    const all = record(kuzzle.realtime.subscribe(index, 'c', {}, { scope: 'all' }));
    await subscribed();
    const onlyIn = record(kuzzle.realtime.subscribe(index, 'c', {}, { scope: 'in' }));
    await subscribed();
    onlyIn.stop();
    await firstValueFrom(timer(100));
    await firstValueFrom(other.realtime.publish(index, 'c', { still: 'here' }));
    await waitFor(() => all.values.length >= 1);
    all.stop();
  });

  it('errors a subscription the server refuses with a KuzzleError', async () => {
    const error = await firstValueFrom(kuzzle.realtime.subscribe(index, 'c', { nosuchoperator: { a: 1 } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KuzzleError);
    expect((error as KuzzleError).status).toBe(400);
  });

  it('unsubscribes on the server when take(1) ends the only subscriber', async () => {
    const once = firstValueFrom(kuzzle.realtime.subscribe(index, 'c', {}).pipe(take(1)));
    const { roomId } = await subscribed();
    await firstValueFrom(other.realtime.publish(index, 'c', { n: 1 }));
    await once;
    await waitFor(async () => (await countOrZero(other, roomId)) === 0);
  });

  it('restores every subscription after a server restart, before reporting reconnected', async () => {
    const received = record(kuzzle.realtime.subscribe(index, 'c', {}));
    await subscribed();
    const order = record(kuzzle.events$.pipe(filter((e) => e.type === 'resubscribed' || e.type === 'reconnected')));
    const back = nextEvent(kuzzle, 'reconnected', 120_000);
    await target.restart();
    await back;
    expect(order.values.map((e) => e.type)).toEqual(['resubscribed', 'reconnected']);
    await firstValueFrom(other.connect());
    await firstValueFrom(other.realtime.publish(index, 'c', { after: 'restart' }, { resendAfterReconnect: true }));
    await waitFor(() => received.values.length >= 1);
    received.stop();
  }, 180_000);

  describe('through a proxy that can cut the network', () => {
    let proxy: FaultProxy;
    let viaProxy: Kuzzle;
    beforeEach(async () => {
      proxy = await startFaultProxy({ target: { host: target.host, port: target.port } });
      viaProxy = client({ ...target, port: proxy.port }, { reconnectionDelay: 20, maxReconnectionDelay: 50 });
      await firstValueFrom(viaProxy.connect());
    });
    afterEach(async () => {
      viaProxy.disconnect();
      await proxy.close();
    });

    it('loses no subscription over five reconnections within one second', async () => {
      const received = record(viaProxy.realtime.subscribe(index, 'c', {}));
      await subscribed(viaProxy);
      const reconnections = record(viaProxy.events$.pipe(filter((e) => e.type === 'reconnected')));
      const started = Date.now();
      for (let i = 0; i < 5; i++) {
        proxy.all().cut();
        await nextEvent(viaProxy, 'reconnected');
      }
      expect(Date.now() - started).toBeLessThan(5000);
      expect(reconnections.values).toHaveLength(5);
      await firstValueFrom(other.realtime.publish(index, 'c', { n: 'after five' }));
      await waitFor(() => received.values.length >= 1);
      received.stop();
    });

    it('errors subscriptions with a typed error when the reconnection gives up', async () => {
      const limited = client({ ...target, port: proxy.port }, { reconnectionDelay: 10, maxReconnectionAttempts: 2 });
      await firstValueFrom(limited.connect());
      const outcome = firstValueFrom(limited.realtime.subscribe(index, 'c', {})).catch((e: unknown) => e);
      await subscribed(limited);
      await proxy.close();
      expect(((await outcome) as Error).name).toBe('SubscriptionLostError');
      limited.disconnect();
    });
  });

  describe('token expiry', () => {
    it('errors the subscriptions with TokenExpiredError when no authenticator is given', async () => {
      await firstValueFrom(kuzzle.auth.login('local', USER, '2s'));
      const outcome = firstValueFrom(kuzzle.realtime.subscribe(index, 'c', {})).catch((e: unknown) => e);
      await subscribed();
      expect(await outcome).toBeInstanceOf(TokenExpiredError);
      expect(kuzzle.jwt).toBeNull();
    });

    it('logs in again with the authenticator and restores the subscriptions', async () => {
      const renewing = client(target, {}, { authenticator: () => renewing.auth.login('local', USER, '1h') });
      await firstValueFrom(renewing.connect());
      await firstValueFrom(renewing.auth.login('local', USER, '2s'));
      const received = record(renewing.realtime.subscribe(index, 'c', {}));
      await subscribed(renewing);
      await nextEvent(renewing, 'reauthenticated');
      await nextEvent(renewing, 'resubscribed');
      await firstValueFrom(other.realtime.publish(index, 'c', { after: 'renewal' }));
      await waitFor(() => received.values.length >= 1);
      expect(renewing.jwt).not.toBeNull();
      received.stop();
      renewing.disconnect();
    });
  });
});

async function countOrZero(kuzzle: Kuzzle, roomId: string): Promise<number> {
  return firstValueFrom(kuzzle.realtime.count(roomId)).catch(() => 0);
}
