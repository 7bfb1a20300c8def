import { toPointer } from './diagnostic';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_DEPTH = 64;

export type GuardProblem = { kind: 'forbidden-key'; path: Array<string | number>; key: string } | { kind: 'too-deep'; path: Array<string | number> };

/** Iterative walk (no recursion, so hostile nesting cannot overflow the stack). */
export function guardValue(value: unknown): GuardProblem[] {
  const problems: GuardProblem[] = [];
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value, path: [] }];
  while (stack.length > 0 && problems.length < 50) {
    const { value: current, path } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (path.length > MAX_DEPTH) {
      problems.push({ kind: 'too-deep', path });
      continue;
    }
    if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
      continue;
    }
    for (const key of Object.keys(current)) {
      if (FORBIDDEN.has(key)) problems.push({ kind: 'forbidden-key', path: [...path, key], key });
      else stack.push({ value: (current as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return problems;
}

export const pointerOf = (p: GuardProblem) => toPointer(p.path);
