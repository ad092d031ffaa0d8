import { Kuzzle, WebSocketProtocol } from '../../../src';
import { createTestingKuzzle, FakeWebSocket } from '../../../src/testing';
import { FakeWebSocket as SpecFakeWebSocket } from '../../support/fake-web-socket';
import { observe } from '../../support/client-harness';

// The in-memory socket that `kuzzle-rx/testing` exports, under the testing backend and the project's own specs.

describe('FakeWebSocket', () => {
  beforeEach(() => FakeWebSocket.reset());

  it('is the class the specs of the project use', () => {
    expect(SpecFakeWebSocket).toBe(FakeWebSocket);
  });

  it('plays the server for a client: open, a request, its answer', () => {
    const kuzzle = new Kuzzle(new WebSocketProtocol('localhost', { WebSocketCtor: FakeWebSocket, pingInterval: 0 }));
    kuzzle.connect().subscribe();
    FakeWebSocket.last.open();
    const now = observe(kuzzle.server.now());
    FakeWebSocket.last.respond(FakeWebSocket.last.lastRequest, { now: 42 });
    expect(now.values).toEqual([42]);
    kuzzle.disconnect();
    expect(FakeWebSocket.last.closedWith).toEqual({ code: 1000, reason: '' });
  });

  describe('isolated()', () => {
    it('records its sockets and calls its hooks apart from FakeWebSocket and from other isolated classes', () => {
      const A = FakeWebSocket.isolated();
      const B = FakeWebSocket.isolated();
      const constructed: string[] = [];
      A.onConstruct = (socket) => constructed.push(`A ${socket.url}`);
      FakeWebSocket.onConstruct = (socket) => constructed.push(`shared ${socket.url}`);

      new A('ws://a/');
      new B('ws://b/');
      new FakeWebSocket('ws://shared/');

      expect(A.instances.map((s) => s.url)).toEqual(['ws://a/']);
      expect(B.instances.map((s) => s.url)).toEqual(['ws://b/']);
      expect(FakeWebSocket.instances.map((s) => s.url)).toEqual(['ws://shared/']);
      expect(constructed).toEqual(['A ws://a/', 'shared ws://shared/']);
      expect(new A('ws://a2/').liveSocketsAtCreation).toBe(1);
    });

    it('is not touched by FakeWebSocket.reset(), and resets itself', () => {
      const A = FakeWebSocket.isolated();
      new A('ws://a/');
      FakeWebSocket.reset();
      expect(A.instances).toHaveLength(1);
      A.reset();
      expect(A.instances).toHaveLength(0);
      expect(() => A.last).toThrow('No FakeWebSocket was constructed');
    });

    it('records the sockets a protocol opens with handshake headers (a subclass of it)', () => {
      const A = FakeWebSocket.isolated();
      const sent: string[] = [];
      A.onSend = (_socket, text) => sent.push(text);
      const kuzzle = new Kuzzle(new WebSocketProtocol('localhost', { WebSocketCtor: A, pingInterval: 0, headers: { 'x-app': 'shop' } }));
      kuzzle.connect().subscribe();
      A.last.open();
      observe(kuzzle.server.now());
      expect(A.last.headers).toEqual({ 'x-app': 'shop' });
      expect(A.last).toBeInstanceOf(FakeWebSocket);
      expect(sent.map((text) => (JSON.parse(text) as { action: string }).action)).toEqual(['now']);
      expect(FakeWebSocket.instances).toHaveLength(0);
      kuzzle.disconnect();
    });
  });

  it('gives each testing backend sockets of its own', () => {
    const one = createTestingKuzzle();
    const two = createTestingKuzzle();
    observe(one.kuzzle.server.now());
    expect(one.backend.sockets).toHaveLength(1);
    expect(two.backend.sockets).toHaveLength(1);
    expect(one.backend.socket).not.toBe(two.backend.socket);
    two.backend.expectNone('server:now');
    one.backend.expectOne('server:now');
    expect(FakeWebSocket.instances).toHaveLength(0);
  });
});
