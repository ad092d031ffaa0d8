import { FilterError } from '../ast';
import { complement, MAX_CODE_POINT, type CharSet } from './char-set';
import type { Regex } from './parse';

/**
 * The Lucene regular expression (Elasticsearch `regexp` query) matching the same whole terms as an unanchored RE2
 * search: `.*` around each top-level alternative unless it is anchored, `(.*\n)?` / `(\n.*)?` for anchors under `m`.
 * Every ASCII punctuation character is escaped, so Lucene's optional operators (`@ & ~ < > #`) never apply.
 */
export function toLucene(regex: Regex): string {
  const alternatives = regex.t === 'alt' ? regex.of : [regex];
  return alternatives
    .map((alternative) => {
      const items = alternative.t === 'cat' ? [...alternative.of] : [alternative];
      let head = '.*';
      let tail = '.*';
      for (let first = items[0]; first?.t === 'bol'; first = items[0]) {
        head = first.multiline ? '(.*\n)?' : '';
        items.shift();
      }
      for (let last = items.at(-1); last?.t === 'eol'; last = items.at(-1)) {
        tail = last.multiline ? '(\n.*)?' : '';
        items.pop();
      }
      return head + items.map(emit).join('') + tail || '()';
    })
    .join('|');
}

function emit(regex: Regex): string {
  switch (regex.t) {
    case 'set':
      return charClass(regex.set);
    case 'cat':
      return regex.of.length === 0 ? '()' : regex.of.map(emit).join('');
    case 'alt':
      return `(${regex.of.map(emit).join('|')})`;
    case 'rep': {
      const operand = regex.of.t === 'set' || regex.of.t === 'alt' ? emit(regex.of) : `(${emit(regex.of)})`;
      const { min, max } = regex;
      if (max === 0) return '()';
      const suffix =
        max < 0
          ? min === 0
            ? '*'
            : min === 1
              ? '+'
              : `{${min},}`
          : min === 0 && max === 1
            ? '?'
            : min === max
              ? `{${min}}`
              : `{${min},${max}}`;
      return operand + suffix;
    }
    default:
      throw new FilterError('regexp: ^ and $ are supported in search queries only at the start and end of the expression');
  }
}

const escape = (code: number) => {
  const c = String.fromCodePoint(code);
  return /[!-/:-@[-`{-~]/.test(c) ? `\\${c}` : c;
};

function charClass(set: CharSet): string {
  if (set.length === 0) throw new FilterError('regexp: a character class that matches nothing cannot be searched');
  if (set.length === 2 && set[0] === set[1]) return escape(set[0]!);
  if (set.length === 2 && set[0] === 0 && set[1] === MAX_CODE_POINT) return '.';
  const negated = set[set.length - 1] === MAX_CODE_POINT;
  const ranges = negated ? complement(set) : set;
  let body = '';
  for (let i = 0; i < ranges.length; i += 2) {
    const [low, high] = [ranges[i]!, ranges[i + 1]!];
    body += high - low > 1 ? `${escape(low)}-${escape(high)}` : high > low ? escape(low) + escape(high) : escape(low);
  }
  return `[${negated ? '^' : ''}${body}]`;
}
