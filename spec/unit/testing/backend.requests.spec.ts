import { KuzzleError, RequestTimeoutError } from '../../../src';
import { createTestingKuzzle, KuzzleTestingBackend, TestRequest } from '../../../src/testing';
import { nameAndMessage, observe } from '../../support/client-harness';

// Requests as the client sends them, and a test that answers them as the server would.

describe('KuzzleTestingBackend: requests', () => {
  describe('expectOne', () => {
    it('hands the request to the test, whose answer is what the call emits', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      const order = observe(kuzzle.document.get('shop', 'orders', 'o1'));
      const request = backend.expectOne({ controller: 'document', action: 'get', _id: 'o1' });
      expect(request).toBeInstanceOf(TestRequest);
      expect(request.request).toMatchObject({ controller: 'document', action: 'get', index: 'shop', collection: 'orders', _id: 'o1' });
      expect(order.values).toEqual([]);

      request.respond({ _id: 'o1', _source: { total: 12 }, _version: 3 });

      expect(order.values).toEqual([{ _id: 'o1', _source: { total: 12 }, _version: 3 }]);
      expect(order.completed).toBe(true);
      expect(request.answered).toBe(true);
    });

    it('matches by action name, by pattern with nested arguments compared whole, or by predicate', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      observe(kuzzle.document.search('shop', 'orders', { query: { term: { status: 'open' } } }, { size: 5 }));
      observe(kuzzle.server.now());
      observe(kuzzle.document.count('shop', 'orders'));

      expect(backend.expectOne('server:now').action).toBe('server:now');
      expect(backend.expectOne({ action: 'search', body: { query: { term: { status: 'open' } } }, size: 5 }).action).toBe(
        'document:search',
      );
      expect(backend.expectOne((request) => request['action'] === 'count').action).toBe('document:count');
    });

    it('does not match a nested object that differs, even by a field it lacks', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      observe(kuzzle.document.search('shop', 'orders', { query: { term: { status: 'open' } }, sort: ['total'] }));
      expect(() => backend.expectOne({ action: 'search', body: { query: { term: { status: 'open' } } } })).toThrow(/found 0/);
    });

    it('takes the request: a second expectation does not see it again', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      observe(kuzzle.server.now());
      backend.expectOne('server:now');
      expect(() => backend.expectOne('server:now')).toThrow(
        'Expected one request for server:now, found 0. No request is waiting for an answer (1 matching request was sent before and already taken, answered or lost with its connection).',
      );
    });

    it('fails naming the requests that were sent instead', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      observe(kuzzle.document.get('shop', 'orders', 'o2'));
      observe(kuzzle.server.now());
      expect(() => backend.expectOne({ controller: 'document', action: 'get', _id: 'o1' })).toThrow(
        'Expected one request for document:get {"_id":"o1"}, found 0. Sent instead, waiting for an answer:\n' +
          '  document:get {"index":"shop","collection":"orders","_id":"o2"}\n' +
          '  server:now',
      );
    });

    it('fails listing the matching requests when several match, and takes none of them', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      observe(kuzzle.document.get('shop', 'orders', 'o1'));
      observe(kuzzle.document.get('shop', 'orders', 'o2'));
      expect(() => backend.expectOne('document:get')).toThrow(
        'Expected one request for document:get, found 2. Matching:\n' +
          '  document:get {"index":"shop","collection":"orders","_id":"o1"}\n' +
          '  document:get {"index":"shop","collection":"orders","_id":"o2"}',
      );
      expect(backend.match('document:get')).toHaveLength(2);
    });

    it('uses the description given, and says when the client is not connected', () => {
      const { backend } = createTestingKuzzle({ connect: false });
      expect(() => backend.expectOne(() => true, 'the order query')).toThrow(
        'Expected one request for the order query, found 0. No request is waiting for an answer, and the client is not connected.',
      );
    });
  });

  describe('answers', () => {
    it('fail() makes the call error with a KuzzleError carrying the fields given', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      const order = observe(kuzzle.document.get('shop', 'orders', 'nope'));
      backend.expectOne('document:get').fail({ status: 404, id: 'services.storage.not_found', message: 'Document "nope" not found.' });
      expect(order.error).toBeInstanceOf(KuzzleError);
      expect(order.error).toMatchObject({ status: 404, id: 'services.storage.not_found', message: 'Document "nope" not found.' });
    });

    it('fail() defaults to status 500', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      const now = observe(kuzzle.server.now());
      backend.expectOne('server:now').fail({ message: 'boom' });
      expect(now.error).toMatchObject({ name: 'KuzzleError', status: 500, message: 'boom' });
    });

    it('refuses a second answer', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      observe(kuzzle.server.now());
      const request = backend.expectOne('server:now');
      request.respond({ now: 1 });
      expect(() => request.respond({ now: 2 })).toThrow('respond(): server:now was already answered');
      expect(() => request.fail({ message: 'late' })).toThrow('fail(): server:now was already answered');
    });

    it('refuses to answer on a connection that has closed', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      observe(kuzzle.server.now());
      const request = backend.expectOne('server:now');
      kuzzle.disconnect();
      expect(request.connectionOpen).toBe(false);
      expect(() => request.respond({ now: 1 })).toThrow(
        'respond(): the connection server:now came on is closed, so the server cannot answer it',
      );
    });

    it('answers a call that already gave up without harm: the client discards it', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      const events: string[] = [];
      kuzzle.events$.subscribe((event) => events.push(event.type));
      const now = observe(kuzzle.server.now({ timeout: 100 }));
      const request = backend.expectOne('server:now');
      backend.tick(100);
      expect(nameAndMessage(now.error)).toEqual({ name: 'RequestTimeoutError', message: expect.stringContaining('100 ms') });
      expect(now.error).toBeInstanceOf(RequestTimeoutError);
      request.respond({ now: 1 });
      expect(events).toContain('discarded');
    });
  });

  describe('expectNone, match and verify', () => {
    it('expectNone passes when nothing of the kind was sent, and fails naming what was', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      observe(kuzzle.document.delete('shop', 'orders', 'o1'));
      backend.expectNone('document:create');
      expect(() => backend.expectNone({ controller: 'document' })).toThrow(
        'Expected no request for document:*, found 1. Matching:\n  document:delete {"index":"shop","collection":"orders","_id":"o1"}',
      );
    });

    it('match() takes every matching request, oldest first, and none is not an error', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      observe(kuzzle.document.get('shop', 'orders', 'o1'));
      observe(kuzzle.document.get('shop', 'orders', 'o2'));
      expect(backend.match('document:create')).toEqual([]);
      expect(backend.match('document:get').map((request) => request.request['_id'])).toEqual(['o1', 'o2']);
      backend.verify();
    });

    it('verify() fails listing the requests nobody took', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      observe(kuzzle.server.now());
      observe(kuzzle.document.exists('shop', 'orders', 'o1'));
      backend.expectOne('server:now').respond({ now: 1 });
      expect(() => backend.verify()).toThrow(
        'Expected no unhandled request, found 1. Waiting for an answer:\n  document:exists {"index":"shop","collection":"orders","_id":"o1"}',
      );
    });

    it('verify() passes once every request was taken, answered or not', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      observe(kuzzle.server.now());
      backend.expectOne('server:now');
      backend.verify();
    });

    it('requests lists every request received, those the backend answered by itself included', () => {
      const { kuzzle, backend } = createTestingKuzzle();
      observe(kuzzle.realtime.subscribe('shop', 'orders', {}));
      observe(kuzzle.server.now());
      expect(backend.requests.map((request) => [request.action, request.answered])).toEqual([
        ['realtime:subscribe', true],
        ['server:now', false],
      ]);
    });
  });

  describe('options', () => {
    it.each([
      [{ acknowledgeDelay: -1 }, 'Invalid option "createTestingKuzzle.acknowledgeDelay": must be a number of ms, got -1'],
      [{ answerPings: 'yes' }, 'Invalid option "createTestingKuzzle.answerPings": must be a boolean'],
      [{ scheduler: {} }, 'Invalid option "createTestingKuzzle.scheduler": must be a scheduler'],
      [{ hots: 'x' }, 'Invalid option "createTestingKuzzle.hots": unknown option'],
      [{ host: '' }, 'Invalid option "createTestingKuzzle.host": must be a non-empty string'],
    ])('refuses %j', (options, message) => {
      expect(() => createTestingKuzzle(options as never)).toThrow(message);
    });

    it('the backend alone refuses the client options', () => {
      expect(() => new KuzzleTestingBackend({ host: 'x' } as never)).toThrow('Invalid option "KuzzleTestingBackend.host": unknown option');
    });

    it('passes the client and protocol options on', () => {
      const { kuzzle, backend } = createTestingKuzzle({
        host: 'kuzzle.test',
        protocol: { port: 7443, ssl: true },
        client: { volatile: { app: 'shop' } },
      });
      observe(kuzzle.server.now());
      expect(backend.socket.url).toBe('wss://kuzzle.test:7443/');
      expect(backend.expectOne('server:now').request['volatile']).toMatchObject({ app: 'shop' });
    });
  });
});
