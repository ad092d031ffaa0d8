import {
  DestroyRef,
  inject,
  InjectionToken,
  makeEnvironmentProviders,
  NgZone,
  PLATFORM_ID,
  type EnvironmentProviders,
} from '@angular/core';
import { asyncScheduler } from 'rxjs';
// The main entry, not its files: an app that imports both entries must get one client class, not two copies.
import { Kuzzle, WebSocketProtocol, type KuzzleOptions, type WebSocketProtocolOptions } from 'kuzzle-rx';
import { outsideZoneTimers } from './outside-zone-timers';

/** How `provideKuzzle()` builds the client. */
export interface KuzzleConfig {
  /** Server host. */
  host: string;
  /**
   * Transport options (port, ssl, keep-alive, reconnection). Under zone.js, the timers of `scheduler` are set outside
   * the Angular zone so that the application becomes stable, and their work runs inside it.
   * @default {}
   */
  protocol?: WebSocketProtocolOptions;
  /** Client options (cookieAuth, timeouts, queue, authenticator). @default {} */
  client?: KuzzleOptions;
  /**
   * Open the connection as soon as the client is created. During server-side rendering the client does not connect
   * by itself: a page rendered on the server has no live data to wait for.
   * @default true in browsers, false on the server platform
   */
  connectOnCreate?: boolean;
}

/** The configuration given to `provideKuzzle()`. */
export const KUZZLE_CONFIG = new InjectionToken<KuzzleConfig>('kuzzle-rx KuzzleConfig');

/**
 * The application's Kuzzle client. Without `provideKuzzle()`, injecting it fails with a message that says so, instead
 * of building a client pointed nowhere.
 */
export const KUZZLE = new InjectionToken<Kuzzle>('kuzzle-rx Kuzzle (add provideKuzzle() to the providers)');

function createKuzzle(config: KuzzleConfig): Kuzzle {
  const zone = inject(NgZone, { optional: true });
  const protocolOptions: WebSocketProtocolOptions = zone
    ? { ...config.protocol, scheduler: outsideZoneTimers(zone, config.protocol?.scheduler ?? asyncScheduler) }
    : { ...config.protocol };
  const kuzzle = new Kuzzle(new WebSocketProtocol(config.host, protocolOptions), config.client);
  // The connection lives as long as the injector that created the client.
  inject(DestroyRef).onDestroy(() => kuzzle.disconnect());
  // What `isPlatformServer()` of @angular/common tests, without depending on that package.
  const onServer = inject(PLATFORM_ID, { optional: true }) === 'server';
  // An error here is also reported by state$ ('offline') and events$: nothing is lost by not rethrowing it.
  if (config.connectOnCreate ?? !onServer) kuzzle.connect().subscribe({ error: () => undefined });
  return kuzzle;
}

/**
 * Provides `KUZZLE` to an Angular application: `bootstrapApplication(App, { providers: [provideKuzzle({ host })] })`,
 * then `kuzzle = inject(KUZZLE)` anywhere, and `kuzzle.realtime.subscribe(...)` straight into an `async` pipe. The
 * client is built when first injected, connects at once in browsers (`connectOnCreate`), and disconnects when the
 * injector that built it is destroyed. A failed connection is reported by `state$` and `events$`, never thrown.
 *
 * @throws {InvalidOptionError} when `KUZZLE` is first injected, if `config.protocol` or `config.client` has an option
 * that is not valid.
 *
 * @example Cookie authentication against a TLS server
 * ```ts
 * bootstrapApplication(AppComponent, {
 *   providers: [provideKuzzle({ host: 'kuzzle.example.com', protocol: { port: 443, ssl: true }, client: { cookieAuth: true } })],
 * });
 * ```
 */
export function provideKuzzle(config: KuzzleConfig): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: KUZZLE_CONFIG, useValue: config },
    { provide: KUZZLE, useFactory: () => createKuzzle(inject(KUZZLE_CONFIG)) },
  ]);
}
