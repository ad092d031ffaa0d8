import { Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { catchError, map, of, scan, startWith } from 'rxjs';
import { KUZZLE } from '../../../src/angular';
import type { Notification } from '../../../src';

interface Order {
  [field: string]: unknown;
  customer: string;
  total: number;
}

type OrderView =
  | { readonly state: 'loading' }
  | { readonly state: 'loaded'; readonly id: string; readonly total: number }
  | { readonly state: 'failed'; readonly message: string };

const describe = (n: Notification<Order>): string =>
  n.type === 'document'
    ? `${n.action} ${String(n.result._id)}${n.result._source?.total === undefined ? '' : ` (${n.result._source.total})`}`
    : `${n.user} ${n.result.count}`;

/**
 * An application component, as an app would write it: it loads order o1, lists the live changes to the orders of its
 * customer, and shows the connection state. Standalone and zoneless; written without decorator syntax (the test page
 * is compiled just in time).
 */
export class OrderPage {
  private readonly kuzzle = inject(KUZZLE);

  readonly order = toSignal(
    this.kuzzle.document.get<Order>('shop', 'orders', 'o1').pipe(
      map((order): OrderView => ({ state: 'loaded', id: order._id, total: order._source.total })),
      catchError((error: unknown) => of<OrderView>({ state: 'failed', message: error instanceof Error ? error.message : String(error) })),
      startWith<OrderView>({ state: 'loading' }),
    ),
    { requireSync: true },
  );

  readonly changes = toSignal(
    this.kuzzle.realtime
      .subscribe<Order>('shop', 'orders', { equals: { customer: 'ann' } })
      .pipe(scan((list: string[], n) => [...list, describe(n)], [])),
    { initialValue: [] },
  );

  readonly connection = toSignal(this.kuzzle.state$, { requireSync: true });
}

Component({
  selector: 'order-page',
  template: `
    <p class="connection">{{ connection() }}</p>
    @switch (order().state) {
      @case ('loading') { <p class="status">Loading order…</p> }
      @case ('failed') { <p class="status">Could not load the order: {{ $any(order()).message }}</p> }
      @case ('loaded') { <h1>Order {{ $any(order()).id }}</h1><p class="total">Total: {{ $any(order()).total }}</p> }
    }
    <ul class="changes">
      @for (change of changes(); track $index) { <li>{{ change }}</li> }
    </ul>
  `,
})(OrderPage);
