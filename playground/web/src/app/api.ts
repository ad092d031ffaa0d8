/** What the playground's server and its page agree on: the collections, the configuration, the control API. */

/** The collection the live table watches and "write a document" writes to. */
export const NOTES = 'notes';
/** A document of the notes collection, as "write a document" writes it. */
export interface Note {
  readonly text: string;
  readonly writtenAt: number;
}

/** The collection "publish a message" publishes to. */
export const CHAT = 'chat';

/** A button that acts on the server: freeze the link, restart the server (`POST /api/<control>`). */
export type ServerControl = 'freeze' | 'restart';

/** What the playground's server hands the page (`GET /api/config`). */
export interface PlaygroundConfig {
  /** Where the page's client connects: the page's own host, so that the login cookie reaches the server. */
  readonly kuzzle: { readonly kind: 'embedded' | 'real'; readonly host: string; readonly port: number };
  /** The index holding the two collections. */
  readonly index: string;
  /** The user "log in" logs in as. */
  readonly user: { readonly username: string; readonly password: string };
  /** Why a server control is not available; absent when it is. */
  readonly unavailable: Readonly<Partial<Record<ServerControl, string>>>;
}

/** The answer of `POST /api/<control>`. */
export interface ControlOutcome {
  readonly ok: boolean;
  readonly message: string;
}
