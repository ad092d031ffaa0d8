// TestBed in the browser, zoneless: each scenario drives a helper step by step and reports what it showed.
import '@angular/compiler';
import { ApplicationRef, Component, inject, provideZonelessChangeDetection, signal, type Type, VERSION } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { BrowserTestingModule, platformBrowserTesting } from '@angular/platform-browser/testing';
import { defer, finalize, Subject, type Observable } from 'rxjs';
import { injectLiveQuery, injectSubscription, KUZZLE, kuzzleResource, provideKuzzle, type KuzzleResourceRef } from '../../../src/angular';
import type { Notification, SubscriptionEvent } from '../../../src';

TestBed.initTestEnvironment(BrowserTestingModule, platformBrowserTesting());

const query = new URLSearchParams(location.search);
const PORT = Number(query.get('port'));
const INDEX = query.get('index') ?? '';

/** Subjects standing for requests, by name, with what was done to them. */
class Requests {
  private readonly subjects = new Map<string, Subject<string>>();
  readonly log: string[] = [];
  request(name: string): Observable<string> {
    const subject = new Subject<string>();
    this.subjects.set(name, subject);
    this.log.push(`request ${name}`);
    return defer(() => {
      this.log.push(`subscribe ${name}`);
      return subject;
    }).pipe(finalize(() => this.log.push(`end ${name}`)));
  }
  get(name: string): Subject<string> {
    const subject = this.subjects.get(name);
    if (!subject) throw new Error(`${name} was never requested`);
    return subject;
  }
}

function setUp(connect = false): ApplicationRef {
  TestBed.resetTestingModule();
  TestBed.configureTestingModule({
    providers: [provideZonelessChangeDetection(), provideKuzzle({ host: '127.0.0.1', protocol: { port: PORT }, connectOnCreate: connect })],
  });
  return TestBed.inject(ApplicationRef);
}

const describeResource = (ref: KuzzleResourceRef<string | undefined>): string =>
  `${ref.status()} value=${String(ref.value())} loading=${ref.isLoading()} hasValue=${ref.hasValue()} error=${ref.error()?.message ?? '-'}`;

/** Whether the application becomes stable within `ms`. */
const stableWithin = (appRef: ApplicationRef, ms: number): Promise<boolean> =>
  Promise.race([appRef.whenStable().then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

async function resourceLifecycle(): Promise<string[]> {
  const appRef = setUp();
  const requests = new Requests();
  const id = signal<string | undefined>('x');
  const seen: string[] = [];
  const step = (what: string, ref: KuzzleResourceRef<string | undefined>) => seen.push(`${what}: ${describeResource(ref)}`);
  // `request` is called again when a signal it reads changes: it makes the requests lazily, as a user's would.
  const ref = TestBed.runInInjectionContext(() =>
    kuzzleResource(() => {
      const name = id();
      return name === undefined ? undefined : requests.request(name);
    }),
  );
  step('created', ref);
  appRef.tick();
  seen.push(`log: ${requests.log.join(', ')}`);
  seen.push(`stable while loading: ${await stableWithin(appRef, 200)}`);
  requests.get('x').next('x1');
  step('x emitted', ref);
  seen.push(`stable once resolved: ${await stableWithin(appRef, 1000)}`);
  requests.get('x').next('x2');
  step('x emitted again', ref);
  seen.push(`reload: ${ref.reload()}`);
  appRef.tick();
  step('reloading', ref);
  requests.get('x').next('x3');
  step('x after reload', ref);
  id.set('y');
  step('arguments changed', ref);
  appRef.tick();
  requests.get('y').error(new Error('y failed'));
  step('y failed', ref);
  id.set(undefined);
  step('no request', ref);
  seen.push(`reload when idle: ${ref.reload()}`);
  appRef.tick();
  id.set('z');
  appRef.tick();
  requests.get('z').next('z1');
  ref.destroy();
  step('destroyed', ref);
  seen.push(`log: ${requests.log.join(', ')}`);
  return seen;
}

async function subscriptionLifecycle(): Promise<string[]> {
  const appRef = setUp();
  const room = signal('r1');
  const events = new Map<string, Subject<SubscriptionEvent>>();
  const ref = TestBed.runInInjectionContext(() =>
    injectSubscription(
      () => {
        const subject = new Subject<SubscriptionEvent>();
        events.set(room(), subject);
        return subject.asObservable();
      },
      { keep: 2 },
    ),
  );
  const seen: string[] = [];
  const texts = () =>
    ref
      .notifications()
      .map((n) => (n.type === 'document' ? String(n.result._source?.['text']) : n.user))
      .join('|');
  const step = (what: string) =>
    seen.push(
      `${what}: ${ref.status()} latest=${(ref.latest()?.result as { _source?: { text?: string } } | undefined)?._source?.text ?? '-'} kept=${texts()} error=${ref.error()?.message ?? '-'}`,
    );
  const notification = (text: string): Notification =>
    ({
      type: 'document',
      scope: 'in',
      event: 'publish',
      result: { _source: { text } },
      room: 'c',
      status: 200,
      index: 'i',
      collection: 'c',
      controller: 'realtime',
      action: 'publish',
    }) as Notification;
  step('created');
  appRef.tick();
  const r1 = events.get('r1')!;
  r1.next({ type: 'status', state: 'pending' });
  step('pending');
  r1.next({ type: 'status', state: 'live', roomId: 'room', channel: 'ch', restored: false });
  step('live');
  r1.next(notification('one'));
  r1.next(notification('two'));
  r1.next(notification('three'));
  step('three notifications');
  r1.next({ type: 'status', state: 'restoring', roomId: 'room', channel: 'ch' });
  step('restoring');
  r1.next({ type: 'status', state: 'live', roomId: 'room', channel: 'ch', restored: true });
  step('restored');
  room.set('r2');
  step('arguments changed');
  appRef.tick();
  seen.push(`r1 observed: ${r1.observed}`);
  const r2 = events.get('r2')!;
  r2.next(notification('plain'));
  step('a notification without status');
  r2.error(new Error('lost'));
  step('ended');
  return seen;
}

/** A component whose live data must all end with it (while the client stays connected). */
const LiveCard = Component({
  selector: 'live-card',
  template: `<p id="card">{{ items().status }} {{ items().documents.length }} {{ chat.status() }} {{ now.status() }}</p>`,
})(
  class LiveCard {
    readonly kuzzle = inject(KUZZLE);
    readonly items = injectLiveQuery(INDEX, 'items');
    readonly chat = injectSubscription(() => this.kuzzle.realtime.subscribeWithStatus(INDEX, 'chat', {}));
    readonly now = kuzzleResource(() => this.kuzzle.server.now());
  },
);

async function componentCleanup(): Promise<string[]> {
  setUp(true);
  const fixture = TestBed.createComponent(LiveCard as Type<unknown>);
  fixture.autoDetectChanges();
  const card = () => (fixture.nativeElement as HTMLElement).querySelector('#card')?.textContent?.trim() ?? '';
  const deadline = Date.now() + 10_000;
  while (card() !== 'live 0 live resolved' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  const seen = [`shown: ${card()}`];
  (window as unknown as { cleanupReady: boolean }).cleanupReady = true;
  await fixture.whenStable();
  fixture.destroy();
  seen.push(
    `connected after destroy: ${await new Promise<string>((resolve) => TestBed.inject(KUZZLE).state$.subscribe(resolve).unsubscribe())}`,
  );
  return seen;
}

/** Waits (polling) until `done()`; fails after 10 s. */
async function until(done: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function liveQueryArguments(): Promise<string[]> {
  const appRef = setUp(true);
  const tag = signal('a');
  const noise = signal(0);
  const collection = signal('tags');
  const items = TestBed.runInInjectionContext(() =>
    injectLiveQuery<{ tag: string }>(INDEX, collection, () => {
      noise();
      return { equals: { tag: tag() } };
    }),
  );
  const seen: string[] = [];
  const step = (what: string) =>
    seen.push(
      `${what}: ${items().status} ${items()
        .documents.map((d) => d._source.tag)
        .join(',')} error=${items.error()?.name ?? '-'}`,
    );
  step('created');
  appRef.tick();
  await until(() => items().status === 'live', 'live for a');
  step('live');
  const before = items();
  noise.set(1);
  step('an equal query');
  appRef.tick();
  await new Promise((resolve) => setTimeout(resolve, 300));
  seen.push(`same result after an equal query: ${items() === before}`);
  tag.set('b');
  step('another query');
  appRef.tick();
  await until(() => items().status === 'live', 'live for b');
  step('live again');
  collection.set('');
  appRef.tick();
  await until(() => items.error() !== undefined, 'the error');
  step('bad arguments');
  collection.set('tags');
  step('good arguments again');
  appRef.tick();
  await until(() => items().status === 'live', 'live after the error');
  step('live after the error');
  return seen;
}

const angularVersion = async (): Promise<string[]> => [VERSION.full];

(window as unknown as { lab: Record<string, () => Promise<string[]>> }).lab = {
  resourceLifecycle,
  subscriptionLifecycle,
  liveQueryArguments,
  componentCleanup,
  angularVersion,
};
