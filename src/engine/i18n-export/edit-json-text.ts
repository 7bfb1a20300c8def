import { parseTree, type Node } from 'jsonc-parser';
import type { TranslationEdit } from './translation-units';

/**
 * The edits made in the scenario's JSON text itself, so the file keeps its layout and only the
 * translated strings change in a diff. One parse and one splice for all edits: an import of every
 * string of a large scenario stays linear (an edit-by-edit rewrite reparsed the text each time,
 * seconds for 300 strings).
 */
export function editJsonText(text: string, edits: readonly TranslationEdit[]): string {
  if (edits.length === 0) return text;
  const root = parseTree(text);
  if (!root) throw new Error('the scenario text is not JSON');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const splices: Array<{ at: number; remove: number; insert: string }> = [];
  for (const { path, value } of edits) {
    const node = locate(root, path);
    if (node) {
      splices.push({ at: node.offset, remove: node.length, insert: inline(value) });
      continue;
    }
    // A key the object does not have yet (a new locale): after its last property, in its layout.
    const parent = locate(root, path.slice(0, -1));
    if (!parent || parent.type !== 'object') throw new Error(`no object at /${path.slice(0, -1).join('/')}`);
    const entry = `${JSON.stringify(String(path[path.length - 1]))}: ${inline(value)}`;
    const last = parent.children?.[parent.children.length - 1];
    if (!last) {
      splices.push({ at: parent.offset + 1, remove: 0, insert: entry });
      continue;
    }
    const multiline = text.slice(parent.offset, last.offset).includes('\n');
    const lineStart = text.lastIndexOf('\n', last.offset) + 1;
    const indent = text.slice(lineStart, last.offset);
    splices.push({
      at: last.offset + last.length,
      remove: 0,
      insert: multiline && /^[ \t]*$/.test(indent) ? `,${eol}${indent}${entry}` : `, ${entry}`,
    });
  }
  splices.sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  for (const s of splices) {
    out += text.slice(from, s.at) + s.insert;
    from = s.at + s.remove;
  }
  return out + text.slice(from);
}

/** Children of an object by key, built once per object: a path through 10,000 nodes is not a scan each time. */
const keyMaps = new WeakMap<Node, Map<string, Node>>();

function locate(root: Node, path: ReadonlyArray<string | number>): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (node.type === 'array') node = node.children?.[Number(segment)];
    else if (node.type === 'object') {
      let keys = keyMaps.get(node);
      if (!keys) {
        keys = new Map();
        for (const p of node.children ?? [])
          if (p.children?.[1]) keys.set(p.children[0]!.value, p.children[1]);
        keyMaps.set(node, keys);
      }
      node = keys.get(String(segment));
    } else return undefined;
  }
  return node;
}

/** A value on one line, as the scenario files write short maps and lists: { "en": "…", "zh-CN": "…" }. */
function inline(value: TranslationEdit['value']): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
  const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{ ${entries.join(', ')} }`;
}
