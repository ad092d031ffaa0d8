import { computed } from '@angular/core';
import type { Presence, PresenceOptions } from 'kuzzle-rx';
import { helperContext, type InjectorOption } from './context';
import { liveSignal, type LiveSignal } from './live-signal';
import { read, sameJson, type Reactive } from './reactive';

/** Options of `injectPresence()`: those of `realtime.presence()`. */
export interface InjectPresenceOptions extends PresenceOptions, InjectorOption {}

interface RoomArgs {
  readonly index: string;
  readonly collection: string;
  readonly filters: Record<string, unknown>;
}

const sameArgs = (a: RoomArgs, b: RoomArgs): boolean =>
  a.index === b.index && a.collection === b.collection && sameJson(a.filters, b.filters);

/**
 * Who is in a room, as a signal: the latest `Presence` of `realtime.presence(index, collection, filters, options)`
 * (how many connections are there, this one included, and the join or leave that changed it); `undefined` until the
 * first count.
 *
 * Arguments may be values, signals or functions reading signals: when what they return changes, the room is joined
 * again (the value back to `undefined`). Joined with the view (or the injector), left with it (its `DestroyRef`). A
 * failure keeps the last presence and sets `error()`: the errors `realtime.presence()` lists. Nothing is joined
 * during server-side rendering.
 *
 * @throws {Error} synchronously, Angular's `NG0203` when called outside an injection context without `options.injector`,
 * or `NG0201` (no provider for `KUZZLE`) when the application has no `provideKuzzle()`.
 *
 * @example
 * ```ts
 * @Component({ selector: 'app-room-header', template: `{{ room() }}: {{ presence()?.count ?? '…' }} here` })
 * export class RoomHeaderComponent {
 *   readonly room = input.required<string>();
 *   readonly presence = injectPresence('chat', 'messages', () => ({ equals: { room: this.room() } }));
 * }
 * ```
 */
export function injectPresence(
  index: Reactive<string>,
  collection: Reactive<string>,
  filters: Reactive<Record<string, unknown>> = {},
  options: InjectPresenceOptions = {},
): LiveSignal<Presence | undefined> {
  const { injector, kuzzle, onServer } = helperContext(injectPresence, options);
  const { injector: _, ...presenceOptions } = options;
  const args = computed((): RoomArgs => ({ index: read(index), collection: read(collection), filters: read(filters) }), {
    equal: sameArgs,
  });
  return liveSignal<RoomArgs, Presence | undefined>(injector, args, {
    start: () => undefined,
    open: ({ index, collection, filters }) =>
      onServer ? undefined : kuzzle.realtime.presence(index, collection, filters, presenceOptions),
  });
}
