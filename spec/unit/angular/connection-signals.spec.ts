import { createEnvironmentInjector, Injector, type EnvironmentInjector } from '@angular/core';
import { injectConnectionState, injectLatency, KUZZLE, kuzzleResource, provideKuzzle } from '../../../src/angular';
import { TestScheduler } from 'rxjs/testing';
import { Kuzzle, WebSocketProtocol } from '../../../src';
import { FakeWebSocket } from '../../support/fake-web-socket';

const rootInjector = (providers: Parameters<typeof createEnvironmentInjector>[0]): EnvironmentInjector =>
  createEnvironmentInjector(providers, Injector.NULL as EnvironmentInjector, 'root');

describe('connection signals', () => {
  beforeEach(() => FakeWebSocket.reset());

  it('injectConnectionState() is current from the first read and follows every state change', () => {
    const injector = rootInjector([
      provideKuzzle({ host: 'localhost', protocol: { WebSocketCtor: FakeWebSocket, pingInterval: 0 }, connectOnCreate: false }),
    ]);
    const state = injector.runInContext(() => injectConnectionState());
    expect(state()).toBe('offline');
    injector.get(KUZZLE).connect().subscribe();
    expect(state()).toBe('connecting');
    FakeWebSocket.last.open();
    expect(state()).toBe('connected');
    injector.get(KUZZLE).disconnect();
    expect(state()).toBe('offline');
    injector.destroy();
  });

  it('stops following the client when its injector is destroyed (DestroyRef), the client living on', () => {
    const kuzzle = new Kuzzle(new WebSocketProtocol('localhost', { WebSocketCtor: FakeWebSocket, pingInterval: 0 }));
    const parent = rootInjector([{ provide: KUZZLE, useValue: kuzzle }]);
    const child = createEnvironmentInjector([], parent);
    const state = child.runInContext(() => injectConnectionState());
    child.destroy();
    kuzzle.connect().subscribe();
    FakeWebSocket.last.open();
    expect(state()).toBe('offline');
    expect(parent.runInContext(() => injectConnectionState())()).toBe('connected');
    kuzzle.disconnect();
    parent.destroy();
  });

  it('injectLatency() is undefined until the first pong, then the round trip of the latest ping', () => {
    const virtual = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    const injector = rootInjector([
      provideKuzzle({ host: 'localhost', protocol: { WebSocketCtor: FakeWebSocket, scheduler: virtual, pingInterval: 1000 } }),
    ]);
    const latency = injector.runInContext(() => injectLatency());
    FakeWebSocket.last.open();
    expect(latency()).toBeUndefined();
    const delays = [30, 70];
    FakeWebSocket.onSend = (socket, text) => {
      if (text === '{"p":1}') virtual.schedule(() => socket.receive('{"p":2}'), delays.shift() ?? 5);
    };
    const seen: Array<number | undefined> = [];
    virtual.schedule(() => seen.push(latency()), 1050);
    virtual.schedule(() => seen.push(latency()), 2100);
    virtual.maxFrames = 2200;
    virtual.flush();
    expect(seen).toEqual([30, 70]);
    injector.destroy();
  });

  it('takes an injector outside an injection context, and says which helper needs one without it', () => {
    const injector = rootInjector([
      provideKuzzle({ host: 'localhost', protocol: { WebSocketCtor: FakeWebSocket }, connectOnCreate: false }),
    ]);
    expect(injectConnectionState({ injector })()).toBe('offline');
    expect(() => injectConnectionState()).toThrow(/injectConnectionState\(\) can only be used within an injection context/);
    expect(() => kuzzleResource(() => undefined)).toThrow(/kuzzleResource\(\) can only be used within an injection context/);
    injector.destroy();
  });

  it('explains what is missing when no client is provided', () => {
    const injector = rootInjector([]);
    expect(() => injector.runInContext(() => injectConnectionState())).toThrow(/provideKuzzle/);
  });
});
