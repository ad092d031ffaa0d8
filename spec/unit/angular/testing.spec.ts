import { createEnvironmentInjector, inject, Injector, runInInjectionContext, type EnvironmentInjector } from '@angular/core';
import { map, type Observable } from 'rxjs';
import { KUZZLE } from '../../../src/angular';
import { KuzzleTestingController, provideKuzzleTesting } from '../../../src/angular/testing';
import { Kuzzle, type KuzzleDocument } from '../../../src';
import { KuzzleTestingBackend } from '../../../src/testing';
import { observe, testScheduler } from '../../support/client-harness';

// provideKuzzleTesting() at the injector level (no DOM): what a service that injects KUZZLE sees, and what the test
// does through KuzzleTestingController.

const rootInjector = (providers: Parameters<typeof createEnvironmentInjector>[0]): EnvironmentInjector =>
  createEnvironmentInjector(providers, Injector.NULL as EnvironmentInjector, 'root');

interface Order {
  [field: string]: unknown;
  total: number;
}

/** What an application service looks like: it injects KUZZLE and knows nothing of tests. */
class OrderService {
  private readonly kuzzle = inject(KUZZLE);
  total(id: string): Observable<number> {
    return this.kuzzle.document.get<Order>('shop', 'orders', id).pipe(map((order: KuzzleDocument<Order>) => order._source.total));
  }
}

describe('provideKuzzleTesting', () => {
  it('provides KUZZLE, the token of kuzzle-rx/angular, as a client connected to the controller', () => {
    const injector = rootInjector([provideKuzzleTesting()]);
    const kuzzle = injector.get(KUZZLE);
    const controller = injector.get(KuzzleTestingController);
    expect(kuzzle).toBeInstanceOf(Kuzzle);
    expect(controller).toBeInstanceOf(KuzzleTestingBackend);
    expect(injector.get(KUZZLE)).toBe(kuzzle);
    expect(observe(kuzzle.state$).values).toEqual(['connected']);
    expect(controller.sockets).toHaveLength(1);
  });

  it('lets a test answer what a service asks, as with HttpTestingController', () => {
    const injector = rootInjector([provideKuzzleTesting()]);
    const service = runInInjectionContext(injector, () => new OrderService());
    const controller = injector.get(KuzzleTestingController);
    const total = observe(service.total('o1'));

    controller
      .expectOne({ controller: 'document', action: 'get', index: 'shop', collection: 'orders', _id: 'o1' })
      .respond({ _id: 'o1', _source: { total: 12 }, _version: 1 });

    expect(total.values).toEqual([12]);
    controller.verify();
  });

  it('fails an expectation naming what the service sent instead', () => {
    const injector = rootInjector([provideKuzzleTesting()]);
    const service = runInInjectionContext(injector, () => new OrderService());
    observe(service.total('o2'));
    expect(() => injector.get(KuzzleTestingController).expectOne({ action: 'get', _id: 'o1' })).toThrow(
      'Expected one request for *:get {"_id":"o1"}, found 0. Sent instead, waiting for an answer:\n  document:get {"index":"shop","collection":"orders","_id":"o2"}',
    );
  });

  it('feeds live subscriptions with the notifications the controller pushes', () => {
    const injector = rootInjector([provideKuzzleTesting()]);
    const notifications = observe(injector.get(KUZZLE).realtime.subscribe('shop', 'orders', {}));
    injector.get(KuzzleTestingController).notifyDocument({ index: 'shop', collection: 'orders' }, { _id: 'o1', _source: { total: 3 } });
    expect(notifications.values).toEqual([expect.objectContaining({ type: 'document', result: { _id: 'o1', _source: { total: 3 } } })]);
  });

  it('disconnects the client when the injector is destroyed', () => {
    const injector = rootInjector([provideKuzzleTesting()]);
    const states = observe(injector.get(KUZZLE).state$);
    const controller = injector.get(KuzzleTestingController);
    injector.destroy();
    expect(states.values).toEqual(['connected', 'offline']);
    expect(controller.socket.closedWith).toEqual({ code: 1000, reason: '' });
  });

  it('leaves the connection to the application with connect: false', () => {
    const injector = rootInjector([provideKuzzleTesting({ connect: false })]);
    const kuzzle = injector.get(KUZZLE);
    const controller = injector.get(KuzzleTestingController);
    expect(controller.sockets).toHaveLength(0);
    const connected = observe(kuzzle.connect());
    controller.tick();
    expect(connected.completed).toBe(true);
  });

  it('gives each injector a controller and a client of its own', () => {
    const one = rootInjector([provideKuzzleTesting()]);
    const two = rootInjector([provideKuzzleTesting()]);
    observe(one.get(KUZZLE).server.now());
    expect(one.get(KuzzleTestingController)).not.toBe(two.get(KuzzleTestingController));
    two.get(KUZZLE);
    two.get(KuzzleTestingController).expectNone('server:now');
    one.get(KuzzleTestingController).expectOne('server:now');
  });

  it('runs on the scheduler given, so that a service can be tested with marbles', () => {
    const scheduler = testScheduler();
    scheduler.run(({ expectObservable }) => {
      const injector = rootInjector([provideKuzzleTesting({ scheduler, client: { requestTimeout: 50 } })]);
      const service = runInInjectionContext(injector, () => new OrderService());
      const controller = injector.get(KuzzleTestingController);
      expect(controller.scheduler).toBe(scheduler);
      scheduler.schedule(() => controller.expectOne({ _id: 'o1' }).respond({ _id: 'o1', _source: { total: 5 }, _version: 1 }), 20);
      expectObservable(service.total('o1')).toBe('20ms (t|)', { t: 5 });
      expectObservable(service.total('o2').pipe(map(String)), '^ 60ms !').toBe(
        '50ms #',
        undefined,
        expect.objectContaining({ name: 'RequestTimeoutError' }) as unknown as Error,
      );
    });
  });

  it('refuses a bad option where the test wrote it', () => {
    expect(() => provideKuzzleTesting({ acknowledgeDelay: -5 })).toThrow(
      'Invalid option "provideKuzzleTesting.acknowledgeDelay": must be a number of ms, got -5',
    );
  });

  it('explains what is missing when the controller is injected without provideKuzzleTesting()', () => {
    expect(() => rootInjector([]).get(KuzzleTestingController)).toThrow(/KuzzleTestingController/);
  });
});
