import { cold, getTestScheduler } from 'jasmine-marbles';
import type { Kuzzle } from '../../../src/client/kuzzle';
import type { WebSocketProtocolOptions } from '../../../src/protocol/options';
import { clientHarness, errorsByNameAndMessage } from '../../support/client-harness';
import { FakeWebSocket } from '../../support/fake-web-socket';
import { at } from '../../support/marbles';

// jasmine-marbles gives each test a fresh TestScheduler; outside `run()` one marble frame is 10 virtual ms.

/** A client on jasmine-marbles' scheduler; every first reconnection waits 50 ms. */
function client(options: WebSocketProtocolOptions = {}): Kuzzle {
  return clientHarness({ scheduler: getTestScheduler(), protocol: options, sequentialIds: false }).kuzzle;
}

const states = { o: 'offline', c: 'connecting', C: 'connected', r: 'reconnecting' } as const;

beforeEach(() => FakeWebSocket.reset());

describe('Kuzzle state$', () => {
  it('goes offline → connecting → connected → reconnecting → connected, and offline after disconnect()', () => {
    const kuzzle = client();
    at(10, () => kuzzle.connect().subscribe());
    at(20, () => FakeWebSocket.nth(0).open());
    at(40, () => FakeWebSocket.nth(0).serverClose(1001)); // the next attempt starts at 90
    at(100, () => FakeWebSocket.nth(1).open());
    at(120, () => kuzzle.disconnect());

    expect(kuzzle.state$).toBeObservable(cold('ocC-r-----C-o', states));
  });

  it('replays the current state to a late subscriber', () => {
    const kuzzle = client();
    kuzzle.connect().subscribe();
    FakeWebSocket.last.open();

    expect(kuzzle.state$).toBeObservable(cold('C', states));
  });

  it('stays connecting while a first connection is retried, and goes offline when the policy gives up', () => {
    const kuzzle = client({ maxReconnectionAttempts: 1 });
    at(10, () => kuzzle.connect().subscribe({ error: () => undefined }));
    at(20, () => FakeWebSocket.nth(0).fail()); // retried at 70
    at(80, () => FakeWebSocket.nth(1).fail());

    expect(kuzzle.state$).toBeObservable(cold('oc------o', states));
  });

  it('stays reconnecting across failed attempts', () => {
    const kuzzle = client();
    at(0, () => kuzzle.connect().subscribe());
    at(10, () => FakeWebSocket.nth(0).open());
    at(20, () => FakeWebSocket.nth(0).serverClose(1006, '', false)); // next attempt at 70
    at(80, () => FakeWebSocket.nth(1).fail()); // next attempt at 80 + 100
    at(190, () => FakeWebSocket.nth(2).open());

    expect(kuzzle.state$).toBeObservable(cold('cCr----------------C', states));
  });
});

describe('Kuzzle connect()', () => {
  it('emits once when the socket is open, then completes', () => {
    const kuzzle = client();
    at(30, () => FakeWebSocket.last.open());

    expect(kuzzle.connect()).toBeObservable(cold('---(a|)', { a: undefined }));
  });

  it('emits at once when already connected', () => {
    const kuzzle = client();
    kuzzle.connect().subscribe();
    FakeWebSocket.last.open();

    expect(kuzzle.connect()).toBeObservable(cold('(a|)', { a: undefined }));
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('shares one socket between concurrent calls', () => {
    const kuzzle = client();
    kuzzle.connect().subscribe();
    at(20, () => FakeWebSocket.last.open());

    expect(kuzzle.connect()).toBeObservable(cold('--(a|)', { a: undefined }));
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('keeps waiting while failed attempts are retried, and emits once one opens', () => {
    const kuzzle = client();
    at(10, () => FakeWebSocket.nth(0).fail()); // retried at 60
    at(70, () => FakeWebSocket.nth(1).fail()); // retried at 170
    at(180, () => FakeWebSocket.nth(2).open());

    expect(kuzzle.connect()).toBeObservable(cold('------------------(a|)', { a: undefined }));
  });

  it('errors only when the reconnection policy gives up', () => {
    const kuzzle = client({ maxReconnectionAttempts: 1 });
    at(10, () => FakeWebSocket.nth(0).fail()); // retried at 60
    at(70, () => FakeWebSocket.nth(1).fail());

    expect(errorsByNameAndMessage(kuzzle.connect())).toBeObservable(
      cold('-------#', undefined, {
        name: 'ReconnectionFailedError',
        message: 'Connection given up after 1 attempt(s): WebSocket could not open (network: connect ECONNREFUSED)',
      }),
    );
  });

  it('errors at the first failure when autoReconnect is false', () => {
    const kuzzle = client({ autoReconnect: false });
    at(10, () => FakeWebSocket.nth(0).fail());

    expect(errorsByNameAndMessage(kuzzle.connect())).toBeObservable(
      cold('-#', undefined, { name: 'LinkLostError', message: 'WebSocket could not open (network: connect ECONNREFUSED)' }),
    );
  });

  it('errors with NotConnectedError when disconnect() is called before the socket opens', () => {
    const kuzzle = client();
    at(10, () => kuzzle.disconnect());

    expect(errorsByNameAndMessage(kuzzle.connect())).toBeObservable(
      cold('-#', undefined, { name: 'NotConnectedError', message: 'disconnect() was called' }),
    );
  });

  it('does not close the connection when unsubscribed', () => {
    const kuzzle = client();
    const subscription = kuzzle.connect().subscribe();
    at(10, () => subscription.unsubscribe());
    at(20, () => FakeWebSocket.last.open());

    expect(kuzzle.state$).toBeObservable(cold('c-C', states));
    expect(FakeWebSocket.last.closedWith).toBeUndefined();
  });

  it('connects again after disconnect()', () => {
    const kuzzle = client();
    at(0, () => kuzzle.connect().subscribe());
    at(10, () => FakeWebSocket.nth(0).open());
    at(20, () => kuzzle.disconnect());
    at(30, () => kuzzle.connect().subscribe());
    at(40, () => FakeWebSocket.nth(1).open());

    expect(kuzzle.state$).toBeObservable(cold('cCocC', states));
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(FakeWebSocket.nth(0).closedWith).toEqual({ code: 1000, reason: '' });
  });
});
