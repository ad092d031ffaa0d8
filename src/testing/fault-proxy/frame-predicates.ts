import type { ProxiedFrame } from './proxied-frame';

/** The application-level ping a Kuzzle client sends: exactly `{"p":1}`. */
export const isKuzzlePing = (frame: ProxiedFrame): boolean => frame.text === '{"p":1}';

/** The application-level pong a Kuzzle server answers: exactly `{"p":2}`. */
export const isKuzzlePong = (frame: ProxiedFrame): boolean => frame.text === '{"p":2}';

/**
 * A realtime notification (document, user or server notification): a JSON object with a string `type` and a
 * `room`. Responses carry a `room` too, but no `type`.
 */
export function isKuzzleNotification(frame: ProxiedFrame): boolean {
  if (frame.text === undefined || !frame.text.includes('"type"')) return false;
  try {
    const parsed: unknown = JSON.parse(frame.text);
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      typeof (parsed as Record<string, unknown>)['type'] === 'string' &&
      typeof (parsed as Record<string, unknown>)['room'] === 'string'
    );
  } catch {
    return false;
  }
}
