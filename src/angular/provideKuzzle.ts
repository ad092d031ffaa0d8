import { DestroyRef, inject, InjectionToken, makeEnvironmentProviders, type EnvironmentProviders } from '@angular/core';
// The main entry, not its files: an app that imports both entries must get one client class, not two copies.
import { Kuzzle, WebSocketProtocol, type KuzzleOptions, type WebSocketProtocolOptions } from 'kuzzle-rx';

/** How `provideKuzzle()` builds the client. */
export interface KuzzleConfig {
  /** Server host. */
  host: string;
  /** Transport options (port, ssl, keep-alive, reconnection). @default {} */
  protocol?: WebSocketProtocolOptions;
  /** Client options (cookieAuth, timeouts, queue, authenticator). @default {} */
  client?: KuzzleOptions;
  /** Open the connection as soon as the client is created. @default true */
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
  const kuzzle = new Kuzzle(new WebSocketProtocol(config.host, config.protocol), config.client);
  // The connection lives as long as the injector that created the client.
  inject(DestroyRef).onDestroy(() => kuzzle.disconnect());
  if (config.connectOnCreate ?? true) kuzzle.connect().subscribe({ error: () => undefined });
  return kuzzle;
}

/**
 * Provides `KUZZLE` to an Angular application: `bootstrapApplication(App, { providers: [provideKuzzle({ host })] })`,
 * then `kuzzle = inject(KUZZLE)` anywhere, and `kuzzle.realtime.subscribe(...)` straight into an `async` pipe.
 */
export function provideKuzzle(config: KuzzleConfig): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: KUZZLE_CONFIG, useValue: config },
    { provide: KUZZLE, useFactory: () => createKuzzle(inject(KUZZLE_CONFIG)) },
  ]);
}
