import { firstValueFrom, filter, take, toArray } from 'rxjs';
import { EmbeddedKuzzleServer } from '../../../src/testing';
import { eventually, serverFixture, sleep, WsClient } from './ws-client';

const USER = { username: 'alice', password: 'secret' };

describe('EmbeddedKuzzleServer fault controls', () => {
  const fixture = serverFixture({ users: [USER], loginsPerSecond: 0 });
  const { open } = fixture;

  describe('connections', () => {
    it('counts open sockets', async () => {
      expect(fixture.server.connectionCount).toBe(0);
      const client = await open();
      await open();
      await eventually(() => fixture.server.connectionCount === 2);
      client.close();
      await eventually(() => fixture.server.connectionCount === 1);
    });

    it('reports openings with their handshake headers, and closings with their code', async () => {
      const events = firstValueFrom(fixture.server.connections$.pipe(take(2), toArray()));
      const client = await open({ 'x-custom': 'yes', cookie: 'a=b' });
      client.socket.close(4001);
      const [opened, closed] = await events;
      expect(opened).toMatchObject({ type: 'open', headers: { 'x-custom': 'yes', cookie: 'a=b' } });
      expect(closed).toMatchObject({ type: 'close', connectionId: opened?.connectionId, code: 4001 });
    });
  });

  describe('answerPings', () => {
    it('stops and resumes answering {"p":1}', async () => {
      const client = await open();
      fixture.server.answerPings(false);
      client.send('{"p":1}');
      await sleep(100);
      expect(client.texts).toEqual([]);
      fixture.server.answerPings(true);
      client.send('{"p":1}');
      await client.nextText('{"p":2}');
      const now = await client.request({ controller: 'server', action: 'now' });
      expect(now['status']).toBe(200);
    });
  });

  describe('freeze', () => {
    it('reads nothing and sends nothing, but keeps the socket open', async () => {
      const client = await open();
      const received: string[] = [];
      fixture.server.frames$.pipe(filter((frame) => frame.direction === 'in')).subscribe((frame) => received.push(frame.text));
      fixture.server.freeze(true);
      client.send('{"p":1}');
      client.send(JSON.stringify({ controller: 'server', action: 'now', requestId: 'frozen' }));
      let pongs = 0;
      client.socket.on('pong', () => pongs++);
      client.socket.ping();
      await sleep(150);
      expect(client.texts).toEqual([]);
      expect(pongs).toBe(0);
      expect(received).toHaveLength(2);
      expect(fixture.server.connectionCount).toBe(1);
      fixture.server.freeze(false);
      const now = await client.request({ controller: 'server', action: 'now' });
      expect(now['status']).toBe(200);
      expect(client.frames.some((frame) => frame['requestId'] === 'frozen')).toBe(false);
    });
  });

  describe('closeAll', () => {
    it('sends a close frame with the given code and reason', async () => {
      const client = await open();
      fixture.server.closeAll(4000, 'maintenance');
      await expect(client.closed).resolves.toEqual({ code: 4000, reason: 'maintenance' });
    });
  });

  describe('dropAll', () => {
    it('destroys the TCP connections without a close frame: clients see 1006', async () => {
      const [first, second] = [await open(), await open()];
      fixture.server.dropAll();
      expect(fixture.server.connectionCount).toBe(0);
      await expect(first?.closed).resolves.toMatchObject({ code: 1006 });
      await expect(second?.closed).resolves.toMatchObject({ code: 1006 });
    });
  });

  describe('delayResponses', () => {
    it('delays responses but not pongs', async () => {
      const client = await open();
      fixture.server.delayResponses(300);
      const started = Date.now();
      const response = client.request({ controller: 'server', action: 'now' });
      client.send('{"p":1}');
      await client.nextText('{"p":2}');
      expect(Date.now() - started).toBeLessThan(250);
      await response;
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      fixture.server.delayResponses(0);
      const quick = Date.now();
      await client.request({ controller: 'server', action: 'now' });
      expect(Date.now() - quick).toBeLessThan(250);
    });
  });

  describe('sendRaw', () => {
    it('sends the text as is to every open socket', async () => {
      const [first, second] = [await open(), await open()];
      fixture.server.sendRaw('{"hello":"world"}');
      await first?.nextText('{"hello":"world"}');
      await second?.nextText('{"hello":"world"}');
    });
  });

  describe('refuseConnections', () => {
    it('rejects new upgrades with 503 while existing sockets stay', async () => {
      const existing = await open();
      fixture.server.refuseConnections(true);
      await expect(WsClient.open(fixture.server.url)).rejects.toThrow('503');
      expect((await existing.request({ controller: 'server', action: 'now' }))['status']).toBe(200);
      fixture.server.refuseConnections(false);
      await open();
    });
  });

  describe('restart', () => {
    it('kills every socket like a crash and listens again on the same port', async () => {
      const client = await open();
      const port = fixture.server.port;
      await fixture.server.restart();
      await expect(client.closed).resolves.toMatchObject({ code: 1006 });
      expect(fixture.server.port).toBe(port);
      const again = await open();
      expect((await again.request({ controller: 'server', action: 'now' }))['status']).toBe(200);
    });

    it('keeps users, tokens and documents, but not subscriptions', async () => {
      const client = await open();
      const login = await client.request({ controller: 'auth', action: 'login', strategy: 'local', body: USER });
      const jwt = (login['result'] as { jwt: string }).jwt;
      await client.request({ controller: 'index', action: 'create', index: 'kept' });
      await client.request({ controller: 'collection', action: 'create', index: 'kept', collection: 'c' });
      await client.request({ controller: 'document', action: 'create', index: 'kept', collection: 'c', _id: 'd', body: { a: 1 } });
      const subscribed = await client.request({ controller: 'realtime', action: 'subscribe', index: 'kept', collection: 'c', body: {} });
      const roomId = (subscribed['result'] as { roomId: string }).roomId;

      await fixture.server.restart();

      const again = await open();
      expect((await again.request({ controller: 'auth', action: 'checkToken', body: { token: jwt } }))['result']).toMatchObject({
        valid: true,
      });
      expect((await again.request({ controller: 'document', action: 'get', index: 'kept', collection: 'c', _id: 'd' }))['status']).toBe(
        200,
      );
      expect((await again.request({ controller: 'realtime', action: 'count', body: { roomId } }))['result']).toEqual({ count: 0 });
      const resubscribed = await again.request({ controller: 'realtime', action: 'subscribe', index: 'kept', collection: 'c', body: {} });
      expect((resubscribed['result'] as { roomId: string }).roomId).toBe(roomId);
    });
  });

  describe('stop', () => {
    it('closes the sockets and frees the port', async () => {
      const client = await open();
      const stopped = await EmbeddedKuzzleServer.start();
      const url = stopped.url;
      await stopped.stop();
      await expect(WsClient.open(url)).rejects.toThrow();
      expect(client.socket.readyState).toBe(client.socket.OPEN);
    });
  });
});
