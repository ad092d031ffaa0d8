import { createEnvironmentInjector, Injector, NgZone, PLATFORM_ID, type EnvironmentInjector } from '@angular/core';
import type { SchedulerAction, SchedulerLike } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { KUZZLE, provideKuzzle } from '../../../src/angular/index';
import { Kuzzle } from '../../../src/index';
import { FakeWebSocket } from '../../support/FakeWebSocket';

const rootInjector = (providers: Parameters<typeof createEnvironmentInjector>[0]): EnvironmentInjector =>
  createEnvironmentInjector(providers, Injector.NULL as EnvironmentInjector, 'root');

/** The two calls of NgZone the client makes, and whether code is running inside the zone. */
class ZoneDouble {
  inside = false;
  run<T>(fn: () => T): T {
    return this.within(true, fn);
  }
  runOutsideAngular<T>(fn: () => T): T {
    return this.within(false, fn);
  }
  private within<T>(inside: boolean, fn: () => T): T {
    const before = this.inside;
    this.inside = inside;
    try {
      return fn();
    } finally {
      this.inside = before;
    }
  }
}

describe('provideKuzzle', () => {
  beforeEach(() => FakeWebSocket.reset());

  it('provides one client per injector, configured as given, and connects it', () => {
    const injector = rootInjector([provideKuzzle({ host: 'kuzzle.example', protocol: { port: 7443, ssl: true, WebSocketCtor: FakeWebSocket, pingInterval: 0 } })]);
    const kuzzle = injector.get(KUZZLE);
    expect(kuzzle).toBeInstanceOf(Kuzzle);
    expect(injector.get(KUZZLE)).toBe(kuzzle);
    expect(FakeWebSocket.instances.map((socket) => socket.url)).toEqual(['wss://kuzzle.example:7443/']);
  });

  it('does not connect when connectOnCreate is false', () => {
    const injector = rootInjector([provideKuzzle({ host: 'localhost', protocol: { WebSocketCtor: FakeWebSocket }, connectOnCreate: false })]);
    const states: string[] = [];
    injector.get(KUZZLE).state$.subscribe((state) => states.push(state));
    expect(states).toEqual(['offline']);
    expect(FakeWebSocket.instances).toHaveLength(0);
  });

  it('closes the connection when the injector is destroyed', () => {
    const injector = rootInjector([provideKuzzle({ host: 'localhost', protocol: { WebSocketCtor: FakeWebSocket, pingInterval: 0 } })]);
    const kuzzle = injector.get(KUZZLE);
    FakeWebSocket.last.open();
    const states: string[] = [];
    kuzzle.state$.subscribe((state) => states.push(state));
    injector.destroy();
    expect(states).toEqual(['connected', 'offline']);
    expect(FakeWebSocket.last.closedWith).toEqual({ code: 1000, reason: '' });
  });

  it('does not connect by itself during server-side rendering', () => {
    const injector = rootInjector([
      { provide: PLATFORM_ID, useValue: 'server' },
      provideKuzzle({ host: 'localhost', protocol: { WebSocketCtor: FakeWebSocket } }),
    ]);
    injector.get(KUZZLE);
    expect(FakeWebSocket.instances).toHaveLength(0);
  });

  it('sets its timers outside the Angular zone, so the application becomes stable, and runs their work inside it', () => {
    const zone = new ZoneDouble();
    const virtual = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    // Records, for each timer set, whether it was set inside the zone.
    const timersSetInside: boolean[] = [];
    const recording: SchedulerLike = {
      now: () => virtual.now(),
      schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay?: number, state?: T) {
        timersSetInside.push(zone.inside);
        return virtual.schedule(work, delay, state);
      },
    };
    const injector = rootInjector([
      { provide: NgZone, useValue: zone },
      provideKuzzle({ host: 'localhost', protocol: { WebSocketCtor: FakeWebSocket, scheduler: recording, pingInterval: 1000 } }),
    ]);
    // Application code runs in the zone: the injection, then the socket's events.
    zone.run(() => {
      injector.get(KUZZLE);
      FakeWebSocket.last.open();
    });
    const pingsSentInside: boolean[] = [];
    FakeWebSocket.onSend = (socket, text) => {
      if (text !== '{"p":1}') return;
      pingsSentInside.push(zone.inside);
      virtual.schedule(() => socket.receive('{"p":2}'), 10);
    };

    // A timer set outside the zone fires outside it.
    virtual.maxFrames = 3000;
    virtual.flush();

    expect(pingsSentInside).toEqual([true, true, true]);
    expect(timersSetInside.length).toBeGreaterThan(0);
    expect(timersSetInside.every((inside) => !inside)).toBe(true);
  });

  it('explains what is missing when KUZZLE is injected without provideKuzzle()', () => {
    const injector = rootInjector([]);
    expect(() => injector.get(KUZZLE)).toThrow(/provideKuzzle/);
  });
});
