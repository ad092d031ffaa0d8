import { FilterError } from '../filter-error';
import { charSet, complement, foldAscii, MAX_CODE_POINT, union, type CharSet } from './char-set';

/**
 * A regular expression in the RE2 syntax Koncorde uses, reduced to what matters for a yes/no test: a character is a
 * set of code points (case folding, `.`, classes and `\d \w \s` already resolved), anchors know the `m` flag.
 */
export type Regex =
  | { readonly t: 'set'; readonly set: CharSet }
  | { readonly t: 'cat' | 'alt'; readonly of: readonly Regex[] }
  | { readonly t: 'rep'; readonly of: Regex; readonly min: number; readonly max: number; readonly counted?: boolean }
  | { readonly t: 'bol' | 'eol'; readonly multiline: boolean };

const PERL: Readonly<Record<string, CharSet>> = {
  d: [0x30, 0x39],
  s: charSet([0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x20]),
  w: charSet([0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a]),
};
const CONTROL: Readonly<Record<string, number>> = { t: 9, n: 10, v: 11, f: 12, r: 13 };
const MAX_REPEAT = 1000;
const isAsciiAlnum = (c: string) => /^[A-Za-z0-9]$/.test(c);

/**
 * Parses a pattern and its flags. Refuses, rather than approximates, what the client cannot evaluate exactly as RE2
 * does: `g` and `y` (stateful in the engine), `\b`, `\p{..}`, POSIX classes, inline flags, and cased non-ASCII
 * letters under `i`.
 */
export function parseRegex(source: string, flags: string): Regex {
  const chars = [...source];
  const fold = flags.includes('i');
  const multiline = flags.includes('m');
  const dotAll = flags.includes('s');
  let pos = 0;
  const fail = (why: string): never => {
    throw new FilterError(`cannot parse regexp expression "/${source}/${flags}" (${why})`);
  };
  for (const flag of ['g', 'y']) if (flags.includes(flag)) fail(`flag "${flag}" is not supported in live queries`);

  const literal = (code: number): CharSet => {
    const c = String.fromCodePoint(code);
    if (fold && code > 0x7f && (c.toLowerCase() !== c || c.toUpperCase() !== c)) {
      fail('case-insensitive matching of non-ASCII letters is not supported');
    }
    return fold ? foldAscii([code, code]) : [code, code];
  };

  const hex = (digits: string): number => {
    const code = /^[0-9a-fA-F]+$/.test(digits) ? parseInt(digits, 16) : NaN;
    return code <= MAX_CODE_POINT ? code : fail(`invalid escape \\x${digits}`);
  };

  /** An escape after `\`: a code point, or a set for `\d \w \s` and their negations. */
  const escape = (): number | CharSet => {
    const c = chars[pos++] ?? fail('trailing \\');
    const perl = PERL[c.toLowerCase()];
    if (perl) {
      const positive = fold ? foldAscii(perl) : perl;
      return c === c.toLowerCase() ? positive : complement(positive);
    }
    if (CONTROL[c] !== undefined) return CONTROL[c];
    if (c === 'x' && chars[pos] === '{') {
      const end = chars.indexOf('}', pos);
      if (end < 0) fail('missing } in \\x{...}');
      const code = hex(chars.slice(pos + 1, end).join(''));
      pos = end + 1;
      return code;
    }
    if (c === 'x' || c === 'u') {
      const length = c === 'x' ? 2 : 4;
      pos += length;
      return hex(chars.slice(pos - length, pos).join(''));
    }
    if (c === 'b' || c === 'B') fail('word boundaries are not supported');
    if (isAsciiAlnum(c) || c.codePointAt(0)! > 0x7f) fail(`the escape \\${c} is not supported`);
    return c.codePointAt(0)!;
  };

  const asSet = (item: number | CharSet): CharSet => (typeof item === 'number' ? literal(item) : item);

  const parseClass = (): CharSet => {
    const negated = chars[pos] === '^';
    if (negated) pos++;
    if (chars[pos] === ']') fail('a ] at the start of a class must be escaped');
    const parts: CharSet[] = [];
    while (chars[pos] !== ']') {
      const c = chars[pos++] ?? fail('missing ]');
      if (c === '[') fail('nested classes and [:name:] are not supported');
      const low = c === '\\' ? escape() : c.codePointAt(0)!;
      if (chars[pos] === '-' && chars[pos + 1] !== ']' && chars[pos + 1] !== undefined) {
        pos++;
        const d = chars[pos++]!;
        const high = d === '\\' ? escape() : d.codePointAt(0)!;
        if (typeof low !== 'number' || typeof high !== 'number' || high < low) fail('bad character class range');
        if (fold && (high as number) > 0x7f) fail('case-insensitive ranges must be ASCII');
        parts.push(fold ? foldAscii([low as number, high as number]) : [low as number, high as number]);
      } else parts.push(asSet(low));
    }
    pos++;
    const set = union(...parts);
    return negated ? complement(set) : set;
  };

  const parseAtom = (): Regex => {
    const c = chars[pos++]!;
    switch (c) {
      case '(': {
        if (chars[pos] === '?') {
          const named = chars[pos + 1] === '<' && /^[A-Za-z_]$/.test(chars[pos + 2] ?? '');
          if (chars[pos + 1] === ':') pos += 2;
          else if (named && chars.indexOf('>', pos) > 0) pos = chars.indexOf('>', pos) + 1;
          else fail('this group syntax is not supported');
        }
        const inner = parseAlt();
        if (chars[pos++] !== ')') fail('missing )');
        return inner;
      }
      case '[':
        return { t: 'set', set: parseClass() };
      case '.':
        return { t: 'set', set: dotAll ? [0, MAX_CODE_POINT] : complement([10, 10]) };
      case '^':
        return { t: 'bol', multiline };
      case '$':
        return { t: 'eol', multiline };
      case '\\':
        return { t: 'set', set: asSet(escape()) };
      case '*':
      case '+':
      case '?':
        return fail('missing argument to repetition operator');
      case '{':
        return fail('a literal { must be escaped');
      default:
        return { t: 'set', set: literal(c.codePointAt(0)!) };
    }
  };

  /** `* + ? {n} {n,} {n,m}` (a lazy `?` after them changes nothing for a test); undefined when none follows. */
  const parseRepeat = (): [number, number, boolean] | undefined => {
    const c = chars[pos];
    const simple = c === '*' ? [0, -1] : c === '+' ? [1, -1] : c === '?' ? [0, 1] : undefined;
    let result: [number, number, boolean] | undefined;
    if (simple) {
      pos++;
      result = [simple[0]!, simple[1]!, false];
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(chars.slice(pos, pos + 16).join(''));
      if (!m) return fail('a literal { must be escaped');
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
      if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && max < min)) fail(`invalid repetition size: ${m[0]}`);
      pos += m[0].length;
      result = [min, max, true];
    }
    if (result && chars[pos] === '?') pos++;
    if (result && ['*', '+', '?', '{'].includes(chars[pos] ?? '')) fail('bad repetition operator');
    return result;
  };

  const parseCat = (): Regex => {
    const items: Regex[] = [];
    while (pos < chars.length && chars[pos] !== '|' && chars[pos] !== ')') {
      const atom = parseAtom();
      const repeat = parseRepeat();
      if (repeat && (atom.t === 'bol' || atom.t === 'eol')) fail('a repeated anchor is not supported');
      items.push(repeat ? { t: 'rep', of: atom, min: repeat[0], max: repeat[1], counted: repeat[2] } : atom);
    }
    return items.length === 1 ? items[0]! : { t: 'cat', of: items };
  };

  const parseAlt = (): Regex => {
    const alternatives = [parseCat()];
    while (chars[pos] === '|') {
      pos++;
      alternatives.push(parseCat());
    }
    return alternatives.length === 1 ? alternatives[0]! : { t: 'alt', of: alternatives };
  };

  const regex = parseAlt();
  if (pos < chars.length) fail('unexpected )');
  if (repeatBudget(regex, MAX_REPEAT) === 0) fail('bad repetition operator');
  return regex;
}

/** RE2 refuses nested counted repetitions whose counts multiply beyond 1000 (integer division of the budget). */
function repeatBudget(regex: Regex, budget: number): number {
  if (regex.t === 'rep') {
    const count = regex.max < 0 ? regex.min : regex.max;
    const inner = regex.counted && count > 0 ? Math.floor(budget / count) : budget;
    return Math.min(inner, repeatBudget(regex.of, inner));
  }
  if (regex.t === 'cat' || regex.t === 'alt') return Math.min(budget, ...regex.of.map((r) => repeatBudget(r, budget)));
  return budget;
}
