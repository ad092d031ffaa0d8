import { firstValueFrom } from 'rxjs';
import { TokenExpiredError } from '../../src';
import { USER } from '../support/targets';
import type { FaultBench } from './support/fault-bench';
import { faultRow, faultSuite } from './support/fault-suite';
import { pause, until, within } from './support/within';

/** Tokens of the rows live 2 s (JWT times are in seconds: expired for sure 3.5 s after the login). */
const SHORT = '2s';
const EXPIRED_AFTER_MS = 3_500;

/**
 * Requests sent with the token after the server dropped it and before its TokenExpired notification reached the
 * client are refused with the server's error (the client learns of the expiry from that notification).
 */
const REFUSED_TOKEN = ['KuzzleError:security.token.invalid', 'KuzzleError:security.token.expired'];

/** The link goes down (cut, new connections refused) until the session's token has expired, then comes back. */
async function downPastExpiry(bench: FaultBench): Promise<void> {
  bench.fault();
  bench.proxy.refuse();
  bench.proxy.all().cut();
  await pause(Math.max(0, (bench.loggedInAt ?? 0) + EXPIRED_AFTER_MS - Date.now()));
  bench.proxy.accept();
  bench.healed();
  await bench.recovered();
}

/** Sessions: cookie renewal while traffic flows, and tokens that expire. */
faultSuite('authentication', (suite) => {
  faultRow(
    suite,
    'cookie renewal (cookieAuth login, then refreshToken) while requests and notifications flow',
    { bench: { client: { cookieAuth: true } } },
    async (bench) => {
      const { kuzzle } = bench;
      // A write sent just before the login: in flight when the renewal closes the socket to reopen it.
      const write = firstValueFrom(kuzzle.document.create(suite.index, bench.collection, { seq: 600_000 })).then(
        (created) => created._id,
        (error: unknown) => error,
      );
      await within(firstValueFrom(kuzzle.auth.login('local', USER, '1h')), 10_000, 'login');
      expect(await within(write, 10_000, 'the write sent before the login'), 'the write sent before the login').toEqual(expect.any(String));
      await pause(1_100); // a new token needs a new second (iat is in seconds)
      await within(firstValueFrom(kuzzle.auth.refreshToken('1h')), 10_000, 'refreshToken');
      expect((await within(firstValueFrom(kuzzle.auth.getCurrentUser()), 10_000, 'getCurrentUser'))._id).toBe(USER.username);
      // Each renewal reopens the socket: its recovery is from the close to every subscription restored.
      const reopened = bench.log.ofType('disconnected', bench.startedAt);
      const restored = bench.log.ofType('reconnected', bench.startedAt);
      expect(reopened).toHaveLength(2);
      const longest = Math.max(...reopened.map((lost, n) => (restored[n]?.at ?? Infinity) - lost.at));
      bench.record(longest);
      await bench.finish({
        losses: [
          { origin: 'reopen', code: 1000, reason: 'reopen' },
          { origin: 'reopen', code: 1000, reason: 'reopen' },
        ],
        // The renewal holds new requests back and waits for the answers in flight (the write sent just before the
        // login, checked above, is answered) before it closes the socket: no request of the workload fails.
      });
    },
  );

  faultRow(
    suite,
    'token expires while subscribed, no authenticator: subscriptions end with TokenExpiredError',
    { bench: { login: SHORT } },
    async (bench) => {
      await bench.log.next('tokenExpired', bench.startedAt, 10_000);
      expect(bench.kuzzle.jwt).toBeNull();
      await bench.finish({ losses: [], subscriptions: TokenExpiredError, errors: { reads: REFUSED_TOKEN, writes: REFUSED_TOKEN } });
    },
  );

  faultRow(
    suite,
    'token expires while subscribed, with an authenticator: logged in again, subscriptions restored',
    { bench: { login: SHORT, authenticator: '1h' } },
    async (bench) => {
      const jwt = bench.kuzzle.jwt;
      // The server's TokenExpired notification: it has ended the subscriptions (a request refused for the token
      // may tell the client earlier).
      let notifiedAt: number | undefined;
      (await bench.link()).swallow('toClient', (frame) => {
        if (frame.text?.includes('"type":"TokenExpired"')) notifiedAt ??= Date.now();
        return false;
      });
      await until(() => notifiedAt !== undefined, 10_000, 'the TokenExpired notification');
      const since = notifiedAt ?? 0;
      await bench.log.next('reauthenticated', since, 10_000);
      const last = await bench.log.nth('resubscribed', bench.rooms.length, since, 10_000);
      bench.record(last.at - since);
      expect(bench.kuzzle.jwt).not.toBeNull();
      expect(bench.kuzzle.jwt).not.toBe(jwt);
      await bench.finish({ losses: [], errors: { reads: REFUSED_TOKEN, writes: REFUSED_TOKEN } });
    },
  );

  faultRow(
    suite,
    'token expires while the link is down, with an authenticator: logged in again before the subscriptions',
    { bench: { login: SHORT, authenticator: '1h' } },
    async (bench) => {
      const jwt = bench.kuzzle.jwt;
      await downPastExpiry(bench);
      expect(bench.log.ofType('reauthenticated', bench.faultAt)).toHaveLength(1);
      expect(bench.kuzzle.jwt).not.toBeNull();
      expect(bench.kuzzle.jwt).not.toBe(jwt);
      await bench.finish({ losses: [{ origin: 'network', code: 1006 }] });
    },
  );

  faultRow(
    suite,
    'token expires while the link is down, no authenticator: tokenExpired, subscriptions go on as anonymous',
    { bench: { login: SHORT } },
    async (bench) => {
      await downPastExpiry(bench);
      expect(bench.log.ofType('tokenExpired', bench.faultAt)).toHaveLength(1);
      expect(bench.kuzzle.jwt).toBeNull();
      await bench.finish({ losses: [{ origin: 'network', code: 1006 }] });
    },
  );
});
