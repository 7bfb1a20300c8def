import type { z } from 'zod';
import { diag, toPointer, type Diagnostic } from './diagnostic';
import { didYouMean } from './suggest';

type Locate = (path: Array<string | number>, preferKey?: boolean) => { line: number; column: number } | null;
type Issue = z.core.$ZodIssue;

/** Zod issues → stable, located diagnostics with hints. Unions are unwrapped to their closest branch. */
export function mapZodIssues(
  issues: readonly Issue[],
  doc: unknown,
  knownFields: ReadonlySet<string>,
  at: Locate,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const d = mapIssue(issue, [], doc, knownFields, at);
    const key = `${d.code}${d.path}${d.message}`;
    if (!seen.has(key)) out.push(d);
    seen.add(key);
    if (out.length >= 50) break;
  }
  return out;
}

function mapIssue(
  issue: Issue,
  prefix: PropertyKey[],
  doc: unknown,
  known: ReadonlySet<string>,
  at: Locate,
): Diagnostic {
  const path = [...prefix, ...issue.path].map((p) => (typeof p === 'symbol' ? String(p) : p)) as Array<
    string | number
  >;
  const pointer = toPointer(path);
  const actual = valueAt(doc, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      const keyPath = [...path, key];
      return diag(
        'E_UNKNOWN_FIELD',
        `unknown field '${key}'`,
        toPointer(keyPath),
        at(keyPath, true),
        didYouMean(key, known) ?? 'remove it',
      );
    }
    case 'invalid_type':
      if (actual === undefined)
        return diag(
          'E_MISSING_FIELD',
          `'${String(path.at(-1) ?? 'value')}' is required (${issue.expected})`,
          pointer,
          at(path),
        );
      return diag('E_TYPE', `expected ${issue.expected}, found ${describe(actual)}`, pointer, at(path));
    case 'invalid_value': {
      const options = issue.values.map(String);
      const hint = typeof actual === 'string' ? didYouMean(actual, options) : undefined;
      return diag('E_INVALID_VALUE', `must be one of: ${options.join(', ')}`, pointer, at(path), hint);
    }
    case 'too_big':
    case 'too_small':
      return diag('E_RANGE', issue.message, pointer, at(path));
    case 'invalid_format':
      return diag('E_FORMAT', issue.message, pointer, at(path));
    case 'invalid_union': {
      const condition = conditionProblem(path, actual);
      if (condition) return diag(condition.code, condition.message, pointer, at(path), condition.hint);
      if (actual === undefined)
        return diag('E_MISSING_FIELD', `'${String(path.at(-1) ?? 'value')}' is required`, pointer, at(path));
      const branches = issue.errors.filter((b) => b.length > 0);
      // The branch that got furthest (deepest first issue, then fewest issues) is what the author meant.
      const closest = [...branches].sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0];
      if (closest && depth(closest) > 0) return mapIssue(closest[0]!, path, doc, known, at);
      return diag('E_SHAPE', shapeMessage(path, actual), pointer, at(path));
    }
    default:
      return diag('E_SHAPE', issue.message, pointer, at(path));
  }
}

const depth = (branch: readonly Issue[]) =>
  branch[0]?.code === 'invalid_type' && branch[0].path.length === 0 ? 0 : (branch[0]?.path.length ?? 0) + 1;

const CONDITION_KINDS = ['anger', 'trust', 'turn', 'flag', 'promise', 'all', 'any', 'not'];

/** Condition unions fail in every branch at once; say which key is wrong rather than pick a branch. */
function conditionProblem(path: Array<string | number>, actual: unknown) {
  const parent = String(path.at(-2) ?? '');
  const last = String(path.at(-1) ?? '');
  const isCondition = last === 'if' || last === 'not' || parent === 'all' || parent === 'any';
  if (!isCondition || actual === null || typeof actual !== 'object' || Array.isArray(actual)) return null;
  const keys = Object.keys(actual);
  const unknown = keys.find((k) => !CONDITION_KINDS.includes(k));
  if (unknown !== undefined)
    return {
      code: 'E_UNKNOWN_FIELD' as const,
      message: `'${unknown}' is not a condition`,
      hint: didYouMean(unknown, CONDITION_KINDS) ?? `use one of ${CONDITION_KINDS.join(', ')}`,
    };
  if (keys.length !== 1)
    return {
      code: 'E_SHAPE' as const,
      message: `a condition has exactly one key, found ${keys.length}`,
      hint: 'combine several with "all" or "any"',
    };
  return null;
}

function shapeMessage(path: Array<string | number>, actual: unknown): string {
  const parent = String(path.at(-2) ?? '');
  const last = String(path.at(-1) ?? '');
  if (last === 'if' || parent === 'all' || parent === 'any' || last === 'not')
    return `not a condition (found ${describe(actual)}): use one of anger, trust, turn, flag, promise, all, any, not`;
  return `expected a text string or a map from locale to text, found ${describe(actual)}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return value.length > 40 ? `a string "${value.slice(0, 37)}…"` : `"${value}"`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function valueAt(doc: unknown, path: Array<string | number>): unknown {
  let current = doc;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Object.prototype.hasOwnProperty.call(current, key)
      ? (current as Record<string | number, unknown>)[key]
      : undefined;
  }
  return current;
}
