import type { FilterNode } from './ast';
import { flatten, type FlatDocument } from './flatten';
import { matchDocument } from './match-object';
import { inside, outside } from './range';
import { compileRegex } from './regexp/nfa';

type Test = (document: FlatDocument) => boolean;

/**
 * Compiles a normalized filter into a test of flattened documents. A negated leaf uses Koncorde's "not" matcher,
 * which for `exists`, `range` and `regexp` is not always the negation of the positive one.
 */
export function evaluator(node: FilterNode): Test {
  switch (node.op) {
    case 'everything':
      return () => true;
    case 'and': {
      const tests = node.of.map(evaluator);
      return (document) => tests.every((test) => test(document));
    }
    case 'or': {
      const tests = node.of.map(evaluator);
      return (document) => tests.some((test) => test(document));
    }
    case 'nothing':
      return () => false;
    case 'equals': {
      const { field, value } = node;
      return node.not ? (document) => document.get(field) !== value : (document) => document.get(field) === value;
    }
    case 'exists': {
      const { field, value } = node;
      if (!node.array) return node.not ? (document) => document.get(field) === undefined : (document) => document.has(field);
      return (document) => {
        const items = document.get(field);
        return (Array.isArray(items) && items.includes(value)) !== node.not;
      };
    }
    case 'range': {
      const { field } = node;
      if (node.not) {
        const [below, above] = outside(node);
        return (document) => {
          const v = document.get(field);
          return typeof v !== 'number' || (below !== -Infinity && v <= below) || (above !== Infinity && v >= above);
        };
      }
      const [low, high] = inside(node);
      return (document) => {
        const v = document.get(field);
        return typeof v === 'number' && v >= low && v <= high;
      };
    }
    case 'regexp': {
      const { field } = node;
      const test = compileRegex(node.regex);
      // Koncorde's negated regexp tests any present value, as text ("5", "null", "[object Object]").
      if (node.not) return (document) => document.get(field) === undefined || !test(String(document.get(field)));
      return (document) => {
        const v = document.get(field);
        return typeof v === 'string' && test(v);
      };
    }
    case 'match': {
      const { value } = node;
      return (document) => matchDocument(document, value) !== node.not;
    }
    case 'select': {
      const { field, index } = node;
      const test = evaluator(node.query);
      return (document) => {
        const items = document.get(field);
        if (!Array.isArray(items)) return false;
        const at = index >= 0 ? index : items.length + index;
        return at >= 0 && at < items.length && test(flatten({ value: items[at] }));
      };
    }
  }
}
