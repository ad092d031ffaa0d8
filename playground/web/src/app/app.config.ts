import { provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { provideKuzzle } from 'kuzzle-rx/angular';
import type { PlaygroundConfig } from './api';
import { PLAYGROUND_CONFIG } from './config';

/** The application's providers: zoneless change detection, the configuration, and a client in cookie mode. */
export function appConfig(config: PlaygroundConfig): ApplicationConfig {
  const { host, port } = config.kuzzle;
  return {
    providers: [
      provideZonelessChangeDetection(),
      { provide: PLAYGROUND_CONFIG, useValue: config },
      provideKuzzle({
        host,
        // A ping a second, so the chart fills up, and a lost link is noticed within two seconds.
        protocol: { port, pingInterval: 1000, pongTimeout: 1000, reconnectionDelay: 250, maxReconnectionDelay: 2000 },
        client: { cookieAuth: true },
      }),
    ],
  };
}
