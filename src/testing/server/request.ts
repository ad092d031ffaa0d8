import { randomUUID } from 'node:crypto';
import { kerror } from './errors';
import type { JsonObject, JsonValue } from './json';

export type Protocol = 'websocket' | 'http';

export type HeaderMap = Readonly<Record<string, string | undefined>>;

/** What a request carries once its transport (WebSocket frame or HTTP route) has been decoded. */
export interface RequestInit {
  readonly id?: string;
  readonly controller: string | null;
  readonly action: string | null;
  readonly index?: string;
  readonly collection?: string;
  readonly _id?: string;
  readonly jwt: string | null;
  readonly volatile: JsonObject | null;
  readonly body: JsonObject | null;
  readonly args: Readonly<Record<string, JsonValue | undefined>>;
  readonly headers: HeaderMap;
  readonly protocol: Protocol;
}

/** A decoded API request, with the argument getters whose quirks the real server's behaviour depends on. */
export class ServerRequest {
  readonly id: string;
  readonly controller: string | null;
  readonly action: string | null;
  readonly index: string | undefined;
  readonly collection: string | undefined;
  readonly _id: string | undefined;
  /** Mutable: a cookie token replaces it during authentication, and `auth:checkToken` reads it back. */
  jwt: string | null;
  readonly volatile: JsonObject | null;
  readonly body: JsonObject | null;
  readonly headers: HeaderMap;
  readonly protocol: Protocol;
  readonly timestamp = Date.now();
  private readonly args: Record<string, JsonValue | undefined>;

  constructor(init: RequestInit) {
    this.id = init.id ?? randomUUID();
    this.controller = init.controller;
    this.action = init.action;
    this.index = init.index;
    this.collection = init.collection;
    this._id = init._id;
    this.jwt = init.jwt;
    this.volatile = init.volatile;
    this.body = init.body;
    this.args = { ...init.args };
    this.headers = init.headers;
    this.protocol = init.protocol;
  }

  arg(name: string): JsonValue | undefined {
    return this.args[name];
  }

  /**
   * Over HTTP a boolean is a query-string flag: present means true, whatever its value. Like the real
   * server, reading it stores the boolean back, so a second read of an absent flag finds `false`,
   * which is "present": this is why, over HTTP, a request carrying an auth cookie behaves as if
   * `cookieAuth` were set (the cookie check reads the flag once before the controller reads it again).
   */
  getBoolean(name: string): boolean {
    const value = this.args[name];
    if (this.protocol === 'http') {
      const present = value !== undefined;
      this.args[name] = present;
      return present;
    }
    if (value === undefined || value === null) {
      return false;
    }
    if (typeof value !== 'boolean') {
      throw kerror('api.assert.invalid_type', name, 'boolean');
    }
    return value;
  }

  getString(name: string): string | undefined {
    const value = this.args[name];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value !== 'string') {
      throw kerror('api.assert.invalid_type', name, 'string');
    }
    return value;
  }

  /** An integer argument; HTTP query strings carry numbers as text. */
  getInteger(name: string, fallback: number): number {
    const value = this.args[name];
    if (value === undefined || value === null) {
      return fallback;
    }
    const parsed = typeof value === 'string' ? Number(value) : value;
    if (typeof parsed !== 'number' || !Number.isInteger(parsed)) {
      throw kerror('api.assert.invalid_type', name, 'integer');
    }
    return parsed;
  }

  requireBody(): JsonObject {
    if (this.body === null) {
      throw kerror('api.assert.body_required');
    }
    return this.body;
  }

  requireId(): string {
    if (this._id === undefined) {
      throw kerror('api.assert.missing_argument', '_id');
    }
    return this._id;
  }

  requireIndex(): string {
    if (this.index === undefined) {
      throw kerror('api.assert.missing_argument', 'index');
    }
    return this.index;
  }

  requireIndexAndCollection(): { index: string; collection: string } {
    const index = this.requireIndex();
    if (this.collection === undefined) {
      throw kerror('api.assert.missing_argument', 'collection');
    }
    return { index, collection: this.collection };
  }
}
