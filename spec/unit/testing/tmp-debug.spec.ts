import { firstValueFrom } from 'rxjs';
import { client, nextEvent, record, startTarget, USER, waitFor } from '../../support/targets';

it('debug', async () => {
  const target = await startTarget('embedded');
  const log: string[] = [];
  target.embedded?.frames$.subscribe((f) => log.push(`${f.connectionId.slice(0, 4)} ${f.direction} ${f.text.slice(0, 160)}`));
  target.embedded?.connections$.subscribe((c) => log.push(`${c.connectionId.slice(0, 4)} ${c.type} ${c.code ?? ''} cookie=${c.headers['cookie']?.slice(0, 20)}`));
  const kuzzle = client(target, {}, { cookieAuth: true });
  const other = client(target);
  await firstValueFrom(kuzzle.connect());
  await firstValueFrom(other.connect());
  const received = record(kuzzle.realtime.subscribe('ckx', 'c', {}));
  await nextEvent(kuzzle, 'subscribed');
  await firstValueFrom(kuzzle.auth.login('local', USER, '1h'));
  log.push('--- login done');
  await firstValueFrom(other.realtime.publish('ckx', 'c', { step: 1 }));
  try { await waitFor(() => received.values.length > 0, 3000); } catch (e) { console.log(log.join('\n')); throw e; }
  kuzzle.disconnect(); other.disconnect();
  await target.stop();
});
