import type { Observable } from 'rxjs';
import { BaseController, KuzzleClient, type CallOptions, type QuerySender } from '../../../src';
import { clientHarness, fakeProtocol, nameAndMessage, observe } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';

interface Greeting {
  readonly text: string;
}

/** A plugin's controller, declared the documented way. */
class GreeterController extends BaseController {
  constructor(client: QuerySender) {
    super(client, 'greeter/hello');
  }

  /** Emits the greeting's text. */
  greet(name: string, options?: CallOptions & { loud?: boolean }): Observable<Greeting> {
    return this.call('greet', options, (check) => ({ body: { name: check.string('name', name) } }));
  }
}

beforeEach(() => FakeWebSocket.reset());

describe('custom controllers', () => {
  it('useController() puts the controller under its accessor, typed, and its methods send the plugin action', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const client = kuzzle.useController(GreeterController, 'greeter');
    const greeting = observe(client.greeter.greet('ada', { loud: true }));
    expect(socket.lastRequest).toMatchObject({ controller: 'greeter/hello', action: 'greet', body: { name: 'ada' }, loud: true });
    socket.respond(socket.lastRequest, { text: 'Hello ada' });
    expect(greeting.values).toEqual([{ text: 'Hello ada' }]);
    expect(greeting.completed).toBe(true);
    expect(client).toBe(kuzzle);
  });

  it('checks the arguments before anything is sent', () => {
    const { kuzzle, connect } = clientHarness();
    const socket = connect();
    const greeting = observe(kuzzle.useController(GreeterController, 'greeter').greeter.greet(''));
    expect(nameAndMessage(greeting.error)).toEqual({
      name: 'InvalidRequestError',
      message: 'Invalid request: greeter/hello.greet: name must be a non-empty string, got an empty string',
    });
    expect(socket.requests).toEqual([]);
  });

  it('refuses an accessor that is already taken', () => {
    const { kuzzle } = clientHarness();
    expect(() => kuzzle.useController(GreeterController, 'document')).toThrow(
      expect.objectContaining({ name: 'InvalidOptionError', field: 'useController.accessor' }) as Error,
    );
    kuzzle.useController(GreeterController, 'greeter');
    expect(() => kuzzle.useController(GreeterController, 'greeter')).toThrow(
      expect.objectContaining({ name: 'InvalidOptionError' }) as Error,
    );
  });

  it('works on a lean client, and a controller can also be built on its own', () => {
    const client = new KuzzleClient(fakeProtocol({ pingInterval: 0 }));
    client.connect().subscribe();
    FakeWebSocket.last.open();
    const greeter = new GreeterController(client);
    observe(greeter.greet('bob'));
    expect(FakeWebSocket.last.lastRequest).toMatchObject({ controller: 'greeter/hello', action: 'greet', body: { name: 'bob' } });
    client.disconnect();
  });
});
