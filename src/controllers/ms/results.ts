import type { MsGeoRadiusPoint, MsScanPage, MsScoredMember } from './types';

/**
 * How the server's Redis replies become what the `ms` methods emit. Redis answers floats as strings, flags as 0 or 1,
 * and "OK" where there is nothing to say; these turn them into numbers, booleans and nothing.
 */

/** Nothing: "OK" replies. */
export const nothing = (): void => undefined;

/** A 0/1 flag (or a count that only says "some" or "none"). */
export const flag = (reply: number | null): boolean => Boolean(reply);

/** A float sent as a string. */
export const float = (reply: string): number => Number.parseFloat(reply);

/** A float sent as a string, or `null` when there is none (no such member). */
export const floatOrNull = (reply: string | null): number | null => (reply === null ? null : Number.parseFloat(reply));

/** One member or several: always a list (`null`, an empty or missing set: an empty list). */
export const list = (reply: string | readonly string[] | null): readonly string[] =>
  reply === null ? [] : typeof reply === 'string' ? [reply] : reply;

/** `[seconds, microseconds]` sent as strings. */
export const secondsAndMicroseconds = (reply: readonly [string, string]): readonly [seconds: number, microseconds: number] => [
  Number.parseInt(reply[0], 10),
  Number.parseInt(reply[1], 10),
];

/** `[cursor, values]` as a page. */
export const scanPage = (reply: readonly [string, readonly string[]]): MsScanPage => ({ cursor: reply[0], values: reply[1] });

/** `[member, score, member, score, ...]` as `{ member, score }` pairs. */
export function scoredMembers(reply: readonly string[]): readonly MsScoredMember[] {
  const members: MsScoredMember[] = [];
  for (let i = 0; i + 1 < reply.length; i += 2)
    members.push({ member: reply[i] as string, score: Number.parseFloat(reply[i + 1] as string) });
  return members;
}

type Position = readonly [lon: string, lat: string];

/** `[lon, lat]` string pairs as numbers; `null` stays for a member that is not in the set. */
export const geoPositions = (reply: ReadonlyArray<Position | null>): ReadonlyArray<readonly [lon: number, lat: number] | null> =>
  reply.map((position) => (position === null ? null : [Number.parseFloat(position[0]), Number.parseFloat(position[1])]));

/** A `georadius` hit: the name alone, or `[name, distance?, [lon, lat]?]` when distances or coordinates were asked for. */
type RadiusHit = string | readonly [name: string, ...details: ReadonlyArray<string | Position>];

function radiusPoint(hit: RadiusHit): MsGeoRadiusPoint {
  if (typeof hit === 'string') return { name: hit };
  const [name, ...details] = hit;
  let point: MsGeoRadiusPoint = { name };
  for (const detail of details) {
    point =
      typeof detail === 'string'
        ? { ...point, distance: Number.parseFloat(detail) }
        : { ...point, coordinates: [Number.parseFloat(detail[0]), Number.parseFloat(detail[1])] };
  }
  return point;
}

/** `georadius` hits as `{ name, distance?, coordinates? }`, whatever was asked for. */
export const geoRadiusPoints = (reply: readonly RadiusHit[]): readonly MsGeoRadiusPoint[] => reply.map(radiusPoint);
