import { KuzzleTestingBackend } from '../../testing/_fake';

/**
 * The server side of `provideKuzzleTesting()`, to inject in a test: `TestBed.inject(KuzzleTestingController)`. It is
 * the `KuzzleTestingBackend` of `kuzzle-rx/testing` under an Angular name, as `HttpTestingController` is to
 * `provideHttpClientTesting()`: `expectOne(...)` then `respond(result)` or `fail(error)`, `expectNone`, `match`,
 * `verify()`, `notifyDocument` and `notifyUser` for live subscriptions, `dropLink()` and `restoreLink()`, and
 * `tick(ms)` for its virtual clock.
 *
 * @example
 * ```ts
 * TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideKuzzleTesting()] });
 * const controller = TestBed.inject(KuzzleTestingController);
 * const fixture = TestBed.createComponent(OrdersComponent);
 * controller.notifyDocument({ index: 'shop', collection: 'orders' }, { action: 'update', _id: 'o1', _source: { total: 15 } });
 * await fixture.whenStable();
 * controller.verify();
 * ```
 */
export class KuzzleTestingController extends KuzzleTestingBackend {}
