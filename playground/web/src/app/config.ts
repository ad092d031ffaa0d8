import { InjectionToken } from '@angular/core';
import type { PlaygroundConfig } from './api';

export const PLAYGROUND_CONFIG = new InjectionToken<PlaygroundConfig>('PlaygroundConfig');

/** Fetches the configuration from the server that served the page. */
export async function loadConfig(): Promise<PlaygroundConfig> {
  const response = await fetch('/api/config', { cache: 'no-store' });
  if (!response.ok) throw new Error(`GET /api/config answered ${response.status}`);
  return (await response.json()) as PlaygroundConfig;
}
