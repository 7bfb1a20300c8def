import { MAX_DEPTH } from '../format/limits';
import { toPointer } from './diagnostic';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export type GuardProblem =
  | { kind: 'forbidden-key'; path: Array<string | number>; key: string }
  | { kind: 'too-deep'; path: Array<string | number> }
  | { kind: 'cycle'; path: Array<string | number> };

type Trail = { key: string | number; up: Trail | null } | null;
const pathOf = (trail: Trail): Array<string | number> => {
  const out: Array<string | number> = [];
  for (let t = trail; t; t = t.up) out.push(t.key);
  return out.reverse();
};

/**
 * Iterative walk (no recursion, so hostile nesting cannot overflow the stack). A first pass only
 * looks; paths are rebuilt by a second, slower pass when something was found. `fromText` skips the
 * shared-reference check: parsed JSON is always a tree.
 */
export function guardValue(value: unknown, fromText = false): GuardProblem[] {
  return quickScan(value, fromText) ? [] : detailedScan(value);
}

function quickScan(root: unknown, fromText: boolean): boolean {
  const values: unknown[] = [root];
  const depths: number[] = [0];
  const seen = fromText ? null : new Set<object>();
  while (values.length > 0) {
    const current = values.pop();
    const depth = depths.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > MAX_DEPTH) return false;
    if (seen) {
      if (seen.has(current)) return false;
      seen.add(current);
    }
    if (Array.isArray(current)) {
      for (const item of current) {
        if (item !== null && typeof item === 'object') {
          values.push(item);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    for (const key in current) {
      // '_', 'c', 'p': the first letters of the forbidden keys; most keys skip the set lookup.
      const first = key.charCodeAt(0);
      if ((first === 95 || first === 99 || first === 112) && FORBIDDEN.has(key)) return false;
      const item = (current as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object') {
        values.push(item);
        depths.push(depth + 1);
      }
    }
  }
  return true;
}

function detailedScan(value: unknown): GuardProblem[] {
  const problems: GuardProblem[] = [];
  const stack: Array<{ value: unknown; trail: Trail; depth: number }> = [{ value, trail: null, depth: 0 }];
  const seen = new Set<object>();
  while (stack.length > 0 && problems.length < 50) {
    const { value: current, trail, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (seen.has(current)) {
      problems.push({ kind: 'cycle', path: pathOf(trail) });
      continue;
    }
    seen.add(current);
    if (depth > MAX_DEPTH) {
      problems.push({ kind: 'too-deep', path: pathOf(trail) });
      continue;
    }
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i += 1)
        stack.push({ value: current[i], trail: { key: i, up: trail }, depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(current)) {
      if (FORBIDDEN.has(key)) problems.push({ kind: 'forbidden-key', path: [...pathOf(trail), key], key });
      else
        stack.push({
          value: (current as Record<string, unknown>)[key],
          trail: { key, up: trail },
          depth: depth + 1,
        });
    }
  }
  return problems;
}

export const pointerOf = (p: GuardProblem) => toPointer(p.path);

/** Nesting depth of brackets outside strings, without recursion, so absurd inputs are refused early. */
export function textNestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i += 1;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth += 1;
      if (depth > max) max = depth;
    } else if (c === 125 || c === 93) depth -= 1;
  }
  return max;
}
