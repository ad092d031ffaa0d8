import { filter, firstValueFrom, map, merge, type Observable } from 'rxjs';
import type { Kuzzle, Presence, SubscriptionEvent, SubscriptionStatus } from '../../src';
import { startFaultProxy, type FaultProxy } from '../../src/testing';
import { client, nextEvent, record, startTarget, twoClientsOnFreshIndex, targetNames, waitFor, type Target } from '../support/targets';

const statuses = (events: readonly SubscriptionEvent[]): SubscriptionStatus[] =>
  events.filter((e): e is SubscriptionStatus => e.type === 'status');

/** A subscription's events and the client's `reconnected`, as words, in the order they happened. */
function timeline(kuzzle: Kuzzle, events$: Observable<SubscriptionEvent>): Observable<string> {
  return merge(
    events$.pipe(map((e) => (e.type !== 'status' ? e.type : e.state === 'live' && e.restored ? 'restored' : e.state))),
    kuzzle.events$.pipe(
      filter((e) => e.type === 'reconnected'),
      map(() => 'reconnected'),
    ),
  );
}

describe.each(targetNames())('subscription statuses and presence on the %s server', (name) => {
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
    ({ kuzzle, other, index } = await twoClientsOnFreshIndex(target, 'rts'));
  });
  afterEach(async () => {
    await firstValueFrom(other.connect());
    await firstValueFrom(other.query({ controller: 'index', action: 'delete', index })).catch(() => undefined);
    kuzzle.disconnect();
    other.disconnect();
  });

  describe('subscribeWithStatus()', () => {
    it('is pending, then live with the roomId and channel the server gave, then delivers the notifications', async () => {
      const subscribed = nextEvent(kuzzle, 'subscribed');
      const events = record(kuzzle.realtime.subscribeWithStatus(index, 'c', { equals: { color: 'red' } }));
      expect(events.values).toEqual([{ type: 'status', state: 'pending' }]);
      const { roomId, channel } = await subscribed;
      await waitFor(() => events.values.length >= 2);
      expect(events.values[1]).toEqual({ type: 'status', state: 'live', roomId, channel, restored: false });
      expect(await firstValueFrom(other.realtime.count(roomId))).toBe(1);

      await firstValueFrom(other.document.create(index, 'c', { color: 'red' }, 'd1'));
      await waitFor(() => events.values.length >= 3);
      expect(events.values[2]).toMatchObject({ type: 'document', action: 'create', result: { _id: 'd1' } });
      events.stop();
    });

    it('tells a subscriber joining a live room that it is live at once, on the same server subscription as subscribe()', async () => {
      const first = record(kuzzle.realtime.subscribeWithStatus(index, 'c', {}));
      await waitFor(() => first.values.length >= 2);
      const plain = record(kuzzle.realtime.subscribe(index, 'c', {}));
      const second = record(kuzzle.realtime.subscribeWithStatus(index, 'c', {}));
      expect(second.values).toEqual([first.values[1]]);
      const live = first.values[1];
      if (live?.type !== 'status' || live.state !== 'live') throw new Error('not live');
      expect(await firstValueFrom(other.realtime.count(live.roomId))).toBe(1);

      await firstValueFrom(other.realtime.publish(index, 'c', { hello: 'all' }));
      await waitFor(() => first.values.length >= 3 && second.values.length >= 2 && plain.values.length >= 1);
      expect(plain.values.map((n) => n.type)).toEqual(['document']);
      expect(second.values.map((e) => e.type)).toEqual(['status', 'document']);
      for (const r of [first, second, plain]) r.stop();
    });

    it('errors as subscribe() does when the server refuses the filters, after pending', async () => {
      const events = record(kuzzle.realtime.subscribeWithStatus(index, 'c', { nosuchoperator: { a: 1 } }));
      await waitFor(() => events.errors.length === 1);
      expect(events.values).toEqual([{ type: 'status', state: 'pending' }]);
      expect(events.errors[0]).toMatchObject({ name: 'KuzzleError', status: 400 });
    });

    it.runIf(name === 'embedded' || Boolean(process.env['KUZZLE_RESTART_CMD']))(
      'is restoring while the server restarts, and restored before reconnected',
      async () => {
        const events = record(timeline(kuzzle, kuzzle.realtime.subscribeWithStatus(index, 'c', {})));
        await waitFor(() => events.values.length >= 2);
        const back = nextEvent(kuzzle, 'reconnected', 60_000);
        await target.restart();
        await back;
        expect(events.values).toEqual(['pending', 'live', 'restoring', 'restored', 'reconnected']);
        events.stop();
      },
      90_000,
    );
  });

  describe('presence()', () => {
    it('starts with the count once live, then emits each join and leave with its count and volatile data', async () => {
      const seen = record(kuzzle.realtime.presence(index, 'c', { equals: { team: 'blue' } }));
      await waitFor(() => seen.values.length >= 1);
      expect(seen.values).toEqual([{ count: 1 }]);

      const theirs = other.realtime.presence(index, 'c', { equals: { team: 'blue' } }, { volatile: { nick: 'ada' } }).subscribe();
      await waitFor(() => seen.values.length >= 2);
      expect(seen.values[1]).toMatchObject({ count: 2, event: { user: 'in', volatile: { nick: 'ada' } } });
      theirs.unsubscribe();
      await waitFor(() => seen.values.length >= 3);
      expect(seen.values[2]).toMatchObject({ count: 1, event: { user: 'out' } });
      seen.stop();
    });

    it('counts a plain subscriber of the same filters, whatever its scope', async () => {
      const seen = record(kuzzle.realtime.presence(index, 'c'));
      await waitFor(() => seen.values.length >= 1);
      const theirs = record(other.realtime.subscribe(index, 'c', {}, { scope: 'in' }));
      await waitFor(() => seen.values.length >= 2);
      expect(seen.values.map((p) => [p.count, p.event?.user])).toEqual([
        [1, undefined],
        [2, 'in'],
      ]);
      theirs.stop();
      seen.stop();
    });
  });

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

    it('is restoring when the link is cut, then restored on the new socket before reconnected, and delivers again', async () => {
      const events = record(viaProxy.realtime.subscribeWithStatus(index, 'c', {}));
      const words = record(timeline(viaProxy, viaProxy.realtime.subscribeWithStatus(index, 'c', {})));
      await waitFor(() => events.values.length >= 2);
      const back = nextEvent(viaProxy, 'reconnected');
      proxy.all().cut();
      await back;
      expect(words.values).toEqual(['pending', 'live', 'restoring', 'restored', 'reconnected']);
      const [, live, restoring, restored] = statuses(events.values);
      if (live?.state !== 'live') throw new Error('not live');
      expect(restoring).toEqual({ type: 'status', state: 'restoring', roomId: live.roomId, channel: live.channel });
      // The same filters make the same room on the server, on any socket.
      expect(restored).toMatchObject({ type: 'status', state: 'live', restored: true, roomId: live.roomId });

      await firstValueFrom(other.realtime.publish(index, 'c', { after: 'cut' }));
      await waitFor(() => events.values.some((e) => e.type === 'document'));
      events.stop();
      words.stop();
    });

    it('is restoring then restored at each of two cuts in a row', async () => {
      const words = record(timeline(viaProxy, viaProxy.realtime.subscribeWithStatus(index, 'c', {})));
      await waitFor(() => words.values.length >= 2);
      for (let i = 0; i < 2; i++) {
        const back = nextEvent(viaProxy, 'reconnected');
        proxy.all().cut();
        await back;
      }
      expect(words.values).toEqual(['pending', 'live', 'restoring', 'restored', 'reconnected', 'restoring', 'restored', 'reconnected']);
      words.stop();
    });

    it('errors with SubscriptionLostError, after restoring, when the reconnection gives up', async () => {
      const limited = client({ ...target, port: proxy.port }, { reconnectionDelay: 10, maxReconnectionAttempts: 2 });
      await firstValueFrom(limited.connect());
      const events = record(limited.realtime.subscribeWithStatus(index, 'c', {}));
      await waitFor(() => events.values.length >= 2);
      await proxy.close();
      await waitFor(() => events.errors.length === 1);
      expect(statuses(events.values).map((s) => s.state)).toEqual(['pending', 'live', 'restoring']);
      expect((events.errors[0] as Error).name).toBe('SubscriptionLostError');
      limited.disconnect();
    });

    it('presence fetches the count again after a restoration: a join while the link was down is counted', async () => {
      // About a second without a link: long enough for someone to join unseen.
      const slow = client({ ...target, port: proxy.port }, { reconnectionDelay: 1000, maxReconnectionDelay: 1000, random: () => 0.99 });
      await firstValueFrom(slow.connect());
      const status = record(slow.realtime.subscribeWithStatus(index, 'c', { equals: { room: 'lobby' } }, { scope: 'none', users: 'all' }));
      const seen = record(slow.realtime.presence(index, 'c', { equals: { room: 'lobby' } }));
      await waitFor(() => seen.values.length >= 1);
      expect(seen.values).toEqual([{ count: 1 }]);

      proxy.all().cut();
      await waitFor(() => statuses(status.values).some((s) => s.state === 'restoring'));
      const joined = record(other.realtime.subscribeWithStatus(index, 'c', { equals: { room: 'lobby' } }));
      await waitFor(() => joined.values.length >= 2);
      expect(statuses(status.values).at(-1)?.state).toBe('restoring');
      await waitFor(() => seen.values.length >= 2);
      expect(seen.values).toEqual<Presence[]>([{ count: 1 }, { count: 2 }]);
      for (const r of [status, seen, joined]) r.stop();
      slow.disconnect();
    });
  });
});
