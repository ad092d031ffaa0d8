import { contains, type CharSet } from './char-set';
import type { Regex } from './parse';

type State =
  | { readonly k: 'char'; readonly set: CharSet; readonly out: number }
  | { k: 'split'; a: number; readonly b: number }
  | { readonly k: 'bol' | 'eol'; readonly multiline: boolean; readonly out: number }
  | { readonly k: 'match' };

const NEWLINE = 10;

/**
 * Compiles a regex into an automaton and returns its unanchored test, as RE2 runs it: in linear time (no
 * backtracking, so no pattern can hang a browser tab), over code points.
 */
export function compileRegex(regex: Regex): (input: string) => boolean {
  const states: State[] = [{ k: 'match' }];
  const add = (state: State) => states.push(state) - 1;
  const build = (node: Regex, next: number): number => {
    switch (node.t) {
      case 'set':
        return add({ k: 'char', set: node.set, out: next });
      case 'bol':
      case 'eol':
        return add({ k: node.t, multiline: node.multiline, out: next });
      case 'cat':
        return node.of.reduceRight((out, item) => build(item, out), next);
      case 'alt':
        return node.of.slice(0, -1).reduceRight((b, item) => add({ k: 'split', a: build(item, next), b }), build(node.of.at(-1)!, next));
      case 'rep': {
        let tail = next;
        if (node.max < 0) {
          const loop = add({ k: 'split', a: -1, b: next });
          (states[loop] as { a: number }).a = build(node.of, loop);
          tail = loop;
        } else for (let i = node.min; i < node.max; i++) tail = add({ k: 'split', a: build(node.of, tail), b: next });
        for (let i = 0; i < node.min; i++) tail = build(node.of, tail);
        return tail;
      }
    }
  };
  const start = build(regex, 0);

  return (input) => {
    const codes = Array.from(input, (c) => c.codePointAt(0)!);
    const seen = new Int32Array(states.length).fill(-1);
    let matched = false;
    const follow = (list: number[], id: number, pos: number): void => {
      if (seen[id] === pos || matched) return;
      seen[id] = pos;
      const state = states[id]!;
      if (state.k === 'match') matched = true;
      else if (state.k === 'split') {
        follow(list, state.a, pos);
        follow(list, state.b, pos);
      } else if (state.k === 'char') list.push(id);
      else if (holds(state.k, state.multiline, codes, pos)) follow(list, state.out, pos);
    };
    let current: number[] = [];
    for (let pos = 0; ; pos++) {
      follow(current, start, pos);
      if (matched) return true;
      if (pos === codes.length) return false;
      const next: number[] = [];
      for (const id of current) {
        const state = states[id] as { set: CharSet; out: number };
        if (contains(state.set, codes[pos]!)) follow(next, state.out, pos + 1);
      }
      current = next;
    }
  };
}

function holds(kind: 'bol' | 'eol', multiline: boolean, codes: readonly number[], pos: number): boolean {
  if (kind === 'bol') return pos === 0 || (multiline && codes[pos - 1] === NEWLINE);
  return pos === codes.length || (multiline && codes[pos] === NEWLINE);
}
