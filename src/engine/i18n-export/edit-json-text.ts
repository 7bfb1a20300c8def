import { skipValue } from '../load/json-scan';
import { offsetsOfMany } from '../load/locate-many';
import type { TranslationEdit } from './translation-units';

type Path = ReadonlyArray<string | number>;

/**
 * The edits made in the scenario's JSON text itself, so the file keeps its layout and only the
 * translated strings change in a diff. All edits are located in one reading of the text (the
 * loader's offsetsOfMany, no syntax tree: jsonc-parser's took seconds on a 10,000-node file) and
 * spliced in one pass.
 */
export function editJsonText(text: string, edits: readonly TranslationEdit[]): string {
  if (edits.length === 0) return text;
  // For each edit: its value, its object, and the object's parent (to tell a missing key from a missing object).
  const paths: Path[] = [];
  for (const { path } of edits) paths.push(path, path.slice(0, -1), path.slice(0, -2));
  const at = offsetsOfMany(text, paths);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const splices: Array<{ at: number; remove: number; insert: string }> = [];
  edits.forEach(({ path, value }, k) => {
    const [found, parent, grandparent] = [at[3 * k]!, at[3 * k + 1]!, at[3 * k + 2]!];
    if (found !== parent) {
      splices.push({ at: found, remove: skipValue(text, found) - found, insert: inline(value) });
      return;
    }
    // A key the object does not have yet (a new locale): after its last member, in its layout.
    if (text[parent] !== '{' || (path.length > 1 && parent === grandparent))
      throw new Error(`no object at /${path.slice(0, -1).join('/')}`);
    const entry = `${JSON.stringify(String(path[path.length - 1]))}: ${inline(value)}`;
    const close = skipValue(text, parent) - 1;
    let last = close - 1;
    while (/\s/.test(text[last]!)) last -= 1;
    if (last === parent) {
      splices.push({ at: parent + 1, remove: 0, insert: entry });
      return;
    }
    const multiline = text.slice(parent, close).includes('\n');
    const lineStart = text.lastIndexOf('\n', last) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart, last))![0];
    splices.push({ at: last + 1, remove: 0, insert: multiline ? `,${eol}${indent}${entry}` : `, ${entry}` });
  });
  splices.sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  for (const s of splices) {
    out += text.slice(from, s.at) + s.insert;
    from = s.at + s.remove;
  }
  return out + text.slice(from);
}

/** A value on one line, as the scenario files write short maps and lists: { "en": "…", "zh-CN": "…" }. */
function inline(value: TranslationEdit['value']): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
  const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{ ${entries.join(', ')} }`;
}
