/**
 * The playground: connects to KUZZLE_URL (or to an embedded server started here), shows the connection state and
 * the ping latency, sends a few requests, subscribes to notifications, then restarts the embedded server to show the
 * client riding through it. `npm start -- --forever` keeps running until Ctrl-C.
 */
import { filter, firstValueFrom, take, toArray } from 'rxjs';
import { Kuzzle, WebSocketProtocol, type KuzzleEvent } from '../src';
import { EmbeddedKuzzleServer } from '../src/testing';

const forever = process.argv.includes('--forever');
const started = Date.now();
const log = (message: string) => console.log(`${String(Date.now() - started).padStart(6)} ms  ${message}`);

function describeEvent(event: KuzzleEvent): string {
  switch (event.type) {
    case 'disconnected':
      return `disconnected (origin ${event.origin}${event.code === undefined ? '' : `, code ${event.code}`})`;
    case 'reconnecting':
      return `reconnecting: attempt ${event.attempt} in ${event.delay} ms`;
    case 'networkError':
      return `network error: ${event.error.message}`;
    case 'subscribed':
    case 'resubscribed':
      return `${event.type} to ${event.index}/${event.collection} (room ${event.roomId.slice(0, 8)}…)`;
    case 'queryError':
      return `query error: ${event.error.id ?? ''} ${event.error.message}`;
    case 'queued':
    case 'replayed':
      return `${event.type} ${event.request.controller}:${event.request.action}`;
    default:
      return event.type;
  }
}

async function main(): Promise<void> {
  const url = process.env['KUZZLE_URL'];
  const embedded = url ? undefined : await EmbeddedKuzzleServer.start({ users: [{ username: 'admin', password: 'password' }] });
  const target = new URL(url ?? embedded!.url);
  log(embedded ? `embedded Kuzzle server on ${embedded.url}` : `Kuzzle server at ${target.href}`);

  const kuzzle = new Kuzzle(
    new WebSocketProtocol(target.hostname, { port: Number(target.port || 7512), pingInterval: 1000, reconnectionDelay: 500 }),
  );
  kuzzle.state$.subscribe((state) => log(`state: ${state}`));
  kuzzle.events$.subscribe((event) => log(`event: ${describeEvent(event)}`));
  kuzzle.latency$.subscribe((ms) => log(`ping latency: ${ms} ms`));

  await firstValueFrom(kuzzle.connect());
  log(`server time: ${new Date(await firstValueFrom(kuzzle.server.now())).toISOString()}`);

  const index = 'playground';
  await firstValueFrom(kuzzle.query({ controller: 'index', action: 'create', index })).catch(() => undefined);
  await firstValueFrom(kuzzle.query({ controller: 'collection', action: 'create', index, collection: 'notes' }));

  const notifications = kuzzle.realtime.subscribe(index, 'notes', {}).subscribe((n) => {
    if (n.type === 'document') log(`notification: ${n.action} ${n.result._id ?? ''} ${JSON.stringify(n.result._source ?? {})}`);
  });
  await firstValueFrom(kuzzle.events$.pipe(filter((event) => event.type === 'subscribed')));
  await firstValueFrom(kuzzle.document.create(index, 'notes', { text: 'hello from the playground' }));

  if (embedded) {
    await firstValueFrom(kuzzle.auth.login('local', { username: 'admin', password: 'password' }, '1h'));
    const me = await firstValueFrom(kuzzle.auth.getCurrentUser());
    log(`logged in as ${me._id}`);
    log('restarting the embedded server…');
    const reconnected = firstValueFrom(kuzzle.events$.pipe(filter((event) => event.type === 'reconnected')));
    await embedded.restart();
    await reconnected;
    await firstValueFrom(kuzzle.document.create(index, 'notes', { text: 'written after the restart' }));
    const still = await firstValueFrom(kuzzle.auth.getCurrentUser());
    log(`still logged in as ${still._id} after the restart`);
  }

  if (!embedded) log('restart the server while `npm start -- --forever` runs to watch the client reconnect and restore');
  if (forever) return;
  await firstValueFrom(kuzzle.latency$.pipe(take(2), toArray()));
  notifications.unsubscribe();
  kuzzle.disconnect();
  await embedded?.stop();
  log('done');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
