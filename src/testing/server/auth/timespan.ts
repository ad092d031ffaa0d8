const UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_557_600_000,
};

const UNIT_ALIASES: Readonly<Record<string, string>> = {
  milliseconds: 'ms',
  millisecond: 'ms',
  msecs: 'ms',
  msec: 'ms',
  ms: 'ms',
  seconds: 's',
  second: 's',
  secs: 's',
  sec: 's',
  s: 's',
  minutes: 'm',
  minute: 'm',
  mins: 'm',
  min: 'm',
  m: 'm',
  hours: 'h',
  hour: 'h',
  hrs: 'h',
  hr: 'h',
  h: 'h',
  days: 'd',
  day: 'd',
  d: 'd',
  weeks: 'w',
  week: 'w',
  w: 'w',
  years: 'y',
  year: 'y',
  yrs: 'y',
  yr: 'y',
  y: 'y',
};

const PATTERN = /^(-?(?:\d+)?\.?\d+) *([a-z]+)?$/i;

/**
 * Parses an `expiresIn` the way the real server does (the `ms` package): a number of milliseconds, a
 * numeric string, or a timespan such as `'1h'` or `'30 s'`. Returns 0 when unparsable (the real
 * server then answers `api.assert.invalid_argument`) and -1 for a token that never expires.
 */
export function parseTimespan(value: unknown): number {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : 0;
  }
  if (typeof value !== 'string') {
    return 0;
  }
  const match = PATTERN.exec(value.trim());
  if (match === null || match[1] === undefined) {
    return 0;
  }
  const unit = UNIT_ALIASES[(match[2] ?? 'ms').toLowerCase()];
  const factor = unit === undefined ? undefined : UNITS[unit];
  return factor === undefined ? 0 : Math.round(Number(match[1]) * factor);
}
