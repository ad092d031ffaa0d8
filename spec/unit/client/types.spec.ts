import type { Observable } from 'rxjs';
import type { DocumentNotification, KuzzleEvent, Notification } from '../../../src';
import { clientHarness } from '../../support/client-harness';

interface Order extends Record<string, unknown> {
  readonly status: 'new' | 'paid';
  readonly total: number;
}

describe('public types', () => {
  it('types the documents of a subscription and narrows notifications on type', () => {
    const { kuzzle } = clientHarness();
    const orders$ = kuzzle.realtime.subscribe<Order>('shop', 'orders', { equals: { status: 'new' } });
    expectTypeOf(orders$).toEqualTypeOf<Observable<Notification<Order>>>();
    expectTypeOf<Extract<Notification<Order>, { type: 'document' }>>().toEqualTypeOf<DocumentNotification<Order>>();
    expectTypeOf<DocumentNotification<Order>['result']['_source']>().toEqualTypeOf<Order | undefined>();
    expectTypeOf<Extract<Notification, { type: 'user' }>['result']['count']>().toEqualTypeOf<number>();
  });

  it('narrows events on type', () => {
    expectTypeOf<Extract<KuzzleEvent, { type: 'disconnected' }>['origin']>().toEqualTypeOf<
      'user' | 'network' | 'server' | 'ping-timeout' | 'reopen'
    >();
    expectTypeOf<Extract<KuzzleEvent, { type: 'dropped' }>['reason']>().toEqualTypeOf<'queue-full' | 'max-age' | 'filtered' | 'flushed'>();
  });
});
