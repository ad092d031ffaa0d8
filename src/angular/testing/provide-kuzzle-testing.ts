import { DestroyRef, inject, makeEnvironmentProviders, type EnvironmentProviders } from '@angular/core';
import { connectTestingClient, resolveBackendOptions, type TestingKuzzleOptions } from '../../testing/_fake';
// The entry, not its files: the token must be the one `kuzzle-rx/angular` exports, which components inject.
import { KUZZLE } from '..';
import { KuzzleTestingController } from './kuzzle-testing-controller';

/**
 * Options of `provideKuzzleTesting()`: those of `createTestingKuzzle()` from `kuzzle-rx/testing`. `scheduler` is the
 * virtual-time option: pass the TestScheduler of a marble test; by default the controller has a TestScheduler of its
 * own, moved with `controller.tick(ms)`.
 */
export type KuzzleTestingConfig = TestingKuzzleOptions;

/**
 * Provides `KUZZLE` as a real client connected to an in-memory server, and `KuzzleTestingController` to play that
 * server, in the manner of `provideHttpClientTesting()`: nothing leaves the test. The client is created when
 * something first injects `KUZZLE`, connected at once (unless `connect: false`), and disconnected when the injector
 * is destroyed (`TestBed.resetTestingModule()`).
 *
 * @example A component that loads an order
 * ```ts
 * TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideKuzzleTesting()] });
 * const fixture = TestBed.createComponent(OrderPage);
 * const controller = TestBed.inject(KuzzleTestingController);
 * controller.expectOne({ controller: 'document', action: 'get', _id: 'o1' }).respond({ _id: 'o1', _source: { total: 12 }, _version: 1 });
 * await fixture.whenStable();
 * expect(fixture.nativeElement.textContent).toContain('12');
 * controller.verify();
 * ```
 */
export function provideKuzzleTesting(config: KuzzleTestingConfig = {}): EnvironmentProviders {
  // Refused here, where the test wrote it, rather than at the first injection.
  resolveBackendOptions(config, 'provideKuzzleTesting', true);
  const { host: _host, protocol: _protocol, client: _client, connect: _connect, ...backend } = config;
  return makeEnvironmentProviders([
    { provide: KuzzleTestingController, useFactory: () => new KuzzleTestingController(backend) },
    {
      provide: KUZZLE,
      useFactory: () => {
        const kuzzle = connectTestingClient(inject(KuzzleTestingController), config);
        inject(DestroyRef).onDestroy(() => kuzzle.disconnect());
        return kuzzle;
      },
    },
  ]);
}
