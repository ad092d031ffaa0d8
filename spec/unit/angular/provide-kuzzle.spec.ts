import { createEnvironmentInjector, Injector, PLATFORM_ID, type EnvironmentInjector } from '@angular/core';
import { KUZZLE, provideKuzzle } from '../../../src/angular';
import { Kuzzle } from '../../../src';
import { FakeWebSocket } from '../../support/fake-web-socket';

const rootInjector = (providers: Parameters<typeof createEnvironmentInjector>[0]): EnvironmentInjector =>
  createEnvironmentInjector(providers, Injector.NULL as EnvironmentInjector, 'root');

// Under zone.js (timers outside the Angular zone, the application stable): spec/browser/angular-zone.spec.ts.
describe('provideKuzzle', () => {
  beforeEach(() => FakeWebSocket.reset());

  it('provides one client per injector, configured as given, and connects it', () => {
    const injector = rootInjector([
      provideKuzzle({ host: 'kuzzle.example', protocol: { port: 7443, ssl: true, WebSocketCtor: FakeWebSocket, pingInterval: 0 } }),
    ]);
    const kuzzle = injector.get(KUZZLE);
    expect(kuzzle).toBeInstanceOf(Kuzzle);
    expect(injector.get(KUZZLE)).toBe(kuzzle);
    expect(FakeWebSocket.instances.map((socket) => socket.url)).toEqual(['wss://kuzzle.example:7443/']);
  });

  it('does not connect when connectOnCreate is false', () => {
    const injector = rootInjector([
      provideKuzzle({ host: 'localhost', protocol: { WebSocketCtor: FakeWebSocket }, connectOnCreate: false }),
    ]);
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

  it('explains what is missing when KUZZLE is injected without provideKuzzle()', () => {
    const injector = rootInjector([]);
    expect(() => injector.get(KUZZLE)).toThrow(/provideKuzzle/);
  });
});
