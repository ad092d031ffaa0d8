import { filter, firstValueFrom, take, timer } from 'rxjs';
import type { Kuzzle } from '../../src';
import { client, nextEvent, record, startTarget, targetNames, uniqueName, type Target } from '../support/targets';

const LISTEN_MS = 3 * 60_000;

// The real server drops a socket that has sent nothing for 60 s, even while it receives notifications.
describe.runIf(targetNames().includes('real'))('a listen-only client on the real server', () => {
  let target: Target;
  let listener: Kuzzle;
  let publisher: Kuzzle;

  beforeAll(async () => {
    target = await startTarget('real');
  });
  afterAll(() => {
    listener?.disconnect();
    publisher?.disconnect();
  });

  it(
    'stays connected for 3 minutes past the 60 s idle timeout, without a reconnection',
    async () => {
      listener = client(target);
      publisher = client(target);
      const index = uniqueName('idle');
      await firstValueFrom(listener.connect());
      await firstValueFrom(publisher.connect());
      const lost = record(listener.events$.pipe(filter((e) => e.type === 'disconnected' || e.type === 'reconnected')));
      const received = firstValueFrom(listener.realtime.subscribe(index, 'c', {}).pipe(take(1)));
      await nextEvent(listener, 'subscribed');
      publisher.disconnect();
      await firstValueFrom(timer(LISTEN_MS));
      await firstValueFrom(publisher.connect());
      await firstValueFrom(publisher.realtime.publish(index, 'c', { after: '3 minutes' }));
      const notification = await received;
      lost.stop();
      expect(lost.values).toEqual([]);
      expect(notification.type === 'document' && notification.result._source?.['after']).toBe('3 minutes');
    },
    LISTEN_MS + 60_000,
  );
});
