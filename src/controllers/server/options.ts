import type { CallOptions } from '../base-controller';
import type { HealthService } from './types';

/** Options of `server.healthCheck()`. */
export interface HealthCheckOptions extends CallOptions {
  /** The services to check. @default every one */
  readonly services?: readonly HealthService[];
}

/** Options of `server.openapi()`. */
export interface OpenApiOptions extends CallOptions {
  /** `'json'`: emit the definition as an object; `'yaml'`: as YAML text. @default 'json' */
  readonly format?: 'json' | 'yaml';
  /** `'kuzzle'`: the API of Kuzzle itself (Swagger 2.0); `'app'`: the application's controllers (OpenAPI 3). @default 'kuzzle' */
  readonly scope?: 'kuzzle' | 'app';
}
