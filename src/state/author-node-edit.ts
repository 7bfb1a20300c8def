import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { skipValue } from '@/engine/load/json-scan';
import { offsetsOfMany } from '@/engine/load/locate-many';

// The node form's reading and writing of the draft. The JSON text stays the one source of truth:
// the form reads a node from the text as it is now and writes back small text changes (one value,
// one member) so the rest of the file keeps its bytes, layout and undo history. jsonc-parser's own
// `modify` re-formats every line it touches (a one-line `{ "zh-CN": …, "en": … }` would be spread
// over four lines), so members are spliced here in the file's own style instead.

/** One change to the text, in CodeMirror's shape; offsets refer to the text before any change. */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
/** A path inside one node, e.g. ['responses', 0, 'text', 'en']. */
export type NodePath = ReadonlyArray<string | number>;

/** A localised text as written: absent, one string for every locale, a map per locale, or something else. */
export type LocalizedRead =
  | { kind: 'absent' }
  | { kind: 'plain'; text: string }
  | { kind: 'map'; texts: Record<string, string> }
  | { kind: 'other' };

export interface SayVariantRead {
  /** The variant's `if`, as JSON text (shown, not edited). */
  condition: string | null;
  text: LocalizedRead;
}

export interface PromiseRead {
  id: string;
  what: LocalizedRead;
  turns: number | null;
}

export type FlagField = 'set' | 'unset' | 'keep';
export const FLAG_FIELDS: readonly FlagField[] = ['set', 'unset', 'keep'];
export type MoodKey = 'anger' | 'trust';
export const MOOD_KEYS: readonly MoodKey[] = ['anger', 'trust'];

export interface ResponseRead {
  id: string;
  text: LocalizedRead;
  rules: Record<string, number>;
  mood: Partial<Record<MoodKey, number>>;
  next: string;
  flags: Record<FlagField, string[]>;
  promise: PromiseRead | null;
}

export interface NodeRead {
  id: string;
  say: LocalizedRead | { kind: 'variants'; variants: SayVariantRead[] };
  responses: ResponseRead[];
  /** The ending's outcome, or null for a customer turn or a branch. */
  outcome: string | null;
  /** A pure branch (`otherwise`): the form has nothing to edit but its line. */
  branch: boolean;
}

export type DraftRead =
  | { state: 'syntax' }
  | { state: 'no-nodes' }
  | { state: 'missing'; nodeIds: string[]; locales: string[] }
  | { state: 'ok'; node: NodeRead; nodeIds: string[]; locales: string[] };

type Dict = { [key: string]: unknown };
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];

function localized(v: unknown): LocalizedRead {
  if (v === undefined) return { kind: 'absent' };
  if (typeof v === 'string') return { kind: 'plain', text: v };
  if (isDict(v) && Object.values(v).every((s) => typeof s === 'string'))
    return { kind: 'map', texts: v as Record<string, string> };
  return { kind: 'other' };
}

function numbers(v: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (isDict(v)) for (const [k, n] of Object.entries(v)) if (typeof n === 'number') out[k] = n;
  return out;
}

function readResponse(v: unknown): ResponseRead {
  const r = isDict(v) ? v : {};
  const promise = isDict(r.promise) ? r.promise : null;
  const turns = promise && isDict(promise.due) ? promise.due.turns : null;
  return {
    id: str(r.id),
    text: localized(r.text),
    rules: numbers(r.rules),
    mood: numbers(r.mood),
    next: str(r.next),
    flags: { set: strings(r.set), unset: strings(r.unset), keep: strings(r.keep) },
    promise: promise
      ? {
          id: str(promise.id),
          what: localized(promise.what),
          turns: typeof turns === 'number' ? turns : null,
        }
      : null,
  };
}

/**
 * The node `nodeId` as the draft holds it now. Any JSON syntax error gives 'syntax' (positions in a
 * broken file cannot be trusted); other problems (a wrong type, a missing field) are read as best
 * they can be, so the form keeps working while the check reports them.
 */
export function readNode(text: string, nodeId: string): DraftRead {
  let doc: unknown;
  try {
    // Native JSON.parse: a few milliseconds on a 2,000-node file, where a syntax tree takes seconds.
    doc = JSON.parse(text);
  } catch {
    return { state: 'syntax' };
  }
  if (!isDict(doc) || !isDict(doc.nodes)) return { state: 'no-nodes' };
  const nodeIds = Object.keys(doc.nodes);
  const locales = strings(doc.locales);
  const raw = Object.hasOwn(doc.nodes, nodeId) ? doc.nodes[nodeId] : undefined;
  if (!isDict(raw)) return { state: 'missing', nodeIds, locales };
  const say = Array.isArray(raw.say)
    ? {
        kind: 'variants' as const,
        variants: raw.say.map((v) => ({
          condition: isDict(v) && v.if !== undefined ? JSON.stringify(v.if) : null,
          text: localized(isDict(v) ? v.text : undefined),
        })),
      }
    : localized(raw.say);
  return {
    state: 'ok',
    nodeIds,
    locales,
    node: {
      id: nodeId,
      say,
      responses: Array.isArray(raw.responses) ? raw.responses.map(readResponse) : [],
      outcome: isDict(raw.ending) ? str(raw.ending.outcome) : null,
      branch: raw.otherwise !== undefined,
    },
  };
}

/** The text with the changes made (they refer to the text before any of them, as in CodeMirror). */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  let out = text;
  for (const c of [...changes].sort((a, b) => b.from - a.from))
    out = out.slice(0, c.from) + c.insert + out.slice(c.to);
  return out;
}

// ---- writing in the file's style ----

interface Style {
  unit: string;
  eol: string;
}

/** The file's indentation step (the first indented line's) and line ending. */
function styleOf(text: string): Style {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const m = /\n([ \t]+)\S/.exec(text);
  return { unit: m ? m[1]! : '  ', eol };
}

function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

/** Lines the scenario files keep short values on: a text map or a rule list inline when it fits. */
const LINE_WIDTH = 110;

function inline(value: Json): string {
  if (Array.isArray(value)) return value.length ? `[${value.map(inline).join(', ')}]` : '[]';
  if (isDict(value)) {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}

/** Whether a value holds objects or arrays: those are written one member a line, as the files do. */
const nested = (value: Json): boolean =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).some((v) => typeof v === 'object' && v !== null);

/**
 * A value placed after `used` characters of a line indented by `indent`: a flat map or list inline
 * when it fits (`{ "zh-CN": "…", "en": "…" }`), anything else one member a line.
 */
function print(value: Json, indent: string, used: number, style: Style): string {
  const flat = inline(value);
  if (typeof value !== 'object' || value === null) return flat;
  if (!nested(value) && used + flat.length <= LINE_WIDTH) return flat;
  const inner = indent + style.unit;
  const items = Array.isArray(value)
    ? value.map((v) => inner + print(v, inner, inner.length, style))
    : Object.entries(value).map(([k, v]) => {
        const key = `${inner}${JSON.stringify(k)}: `;
        return key + print(v, inner, key.length, style);
      });
  if (items.length === 0) return flat;
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}${style.eol}${items.join(`,${style.eol}`)}${style.eol}${indent}${close}`;
}

/**
 * A new member at the end of the container spanning [start, end) (its brackets included), laid out
 * as its last member is: on a line of its own in the same indentation, or on the same line.
 */
function appendMember(
  text: string,
  start: number,
  end: number,
  key: string | null,
  value: Json,
  style: Style,
): TextChange {
  const close = end - 1;
  let last = close - 1;
  while (last > start && /\s/.test(text[last]!)) last -= 1;
  const label = key === null ? '' : `${JSON.stringify(key)}: `;
  if (last === start) {
    // An empty container: `{ "key": value }`, or one member a line when that is too long.
    const indent = lineIndent(text, start);
    const inner = indent + style.unit;
    const flat = `${label}${inline(value)}`;
    if (indent.length + flat.length + 4 <= LINE_WIDTH)
      return { from: start + 1, to: close, insert: key === null ? flat : ` ${flat} ` };
    const member = label + print(value, inner, inner.length + label.length, style);
    return { from: start + 1, to: close, insert: `${style.eol}${inner}${member}${style.eol}${indent}` };
  }
  if (!text.slice(start, close).includes('\n'))
    return { from: last + 1, to: last + 1, insert: `, ${label}${inline(value)}` };
  const indent = lineIndent(text, last);
  const member = label + print(value, indent, indent.length + label.length, style);
  return { from: last + 1, to: last + 1, insert: `,${style.eol}${indent}${member}` };
}

/** The node's JSON as a syntax tree with offsets into the whole text, or an error saying why not. */
function locateNode(text: string, nodeId: string): { tree: JsonNode; shift: number } {
  const [at, nodes] = offsetsOfMany(text, [['nodes', nodeId], ['nodes']]);
  if (at === undefined || at === nodes) throw new Error(`no node '${nodeId}'`);
  const end = skipValue(text, at);
  const errors: ParseError[] = [];
  const tree = parseTree(text.slice(at, end), errors);
  if (!tree || errors.length > 0 || tree.type !== 'object')
    throw new Error(`node '${nodeId}' is not an object`);
  return { tree, shift: at };
}

function child(container: JsonNode, segment: string | number): JsonNode | undefined {
  if (container.type === 'array' && typeof segment === 'number') return container.children?.[segment];
  if (container.type !== 'object' || typeof segment !== 'string') return undefined;
  // The first of duplicate keys, as the loader's own locating does.
  return container.children?.find((p) => p.children?.[0]?.value === segment)?.children?.[1];
}

/** Removes the member whose value is `value` from its container, with the comma that goes with it. */
function removeMember(value: JsonNode): TextChange {
  const member = value.parent?.type === 'property' ? value.parent : value;
  const container = member.parent!;
  const siblings = container.children!;
  const k = siblings.indexOf(member);
  const end = (n: JsonNode) => n.offset + n.length;
  if (k > 0) return { from: end(siblings[k - 1]!), to: end(member), insert: '' };
  if (siblings.length > 1) return { from: member.offset, to: siblings[1]!.offset, insert: '' };
  return { from: container.offset + 1, to: end(container) - 1, insert: '' };
}

/** Containers that mean nothing once empty; they go with their last member (`rules`, `mood`, `set`…). */
const DROPPED_WHEN_EMPTY = new Set(['rules', 'mood', 'set', 'unset', 'keep']);

/**
 * The changes that make the node's value at `path` be `value`, or remove it when `value` is
 * undefined. Missing objects on the way are created; a value that is already there is replaced in
 * place and nothing else moves. An index one past the end of an array appends to it.
 */
export function editNode(
  text: string,
  nodeId: string,
  path: NodePath,
  value: Json | undefined,
): TextChange[] {
  const { tree, shift } = locateNode(text, nodeId);
  const local = text.slice(shift, shift + tree.length);
  const style = styleOf(text);
  const moved = (c: TextChange): TextChange[] => [
    { from: c.from + shift, to: c.to + shift, insert: c.insert },
  ];

  let container = tree;
  let depth = 0;
  for (; depth < path.length; depth += 1) {
    const next = child(container, path[depth]!);
    if (!next) break;
    container = next;
  }
  if (depth === path.length) {
    // The value exists: replace it, or remove it (and a container it leaves empty).
    if (value === undefined) {
      let gone = container;
      for (let d = path.length; d >= 2; d -= 1) {
        const holder = gone.parent?.type === 'property' ? gone.parent.parent! : gone.parent!;
        if (holder.children!.length !== 1 || !DROPPED_WHEN_EMPTY.has(String(path[d - 2]))) break;
        gone = holder;
      }
      return moved(removeMember(gone));
    }
    const indent = lineIndent(local, container.offset);
    const used = container.offset - (local.lastIndexOf('\n', container.offset - 1) + 1);
    return moved({
      from: container.offset,
      to: container.offset + container.length,
      insert: print(value, indent, used, style),
    });
  }
  if (value === undefined) return [];
  const segment = path[depth]!;
  if (container.type === 'object' && typeof segment === 'string') {
    const built = wrap(path.slice(depth + 1), value);
    return moved(
      appendMember(local, container.offset, container.offset + container.length, segment, built, style),
    );
  }
  if (container.type === 'array' && segment === (container.children?.length ?? 0)) {
    const built = wrap(path.slice(depth + 1), value);
    return moved(
      appendMember(local, container.offset, container.offset + container.length, null, built, style),
    );
  }
  throw new Error(
    `cannot write /${path.join('/')} in node '${nodeId}': /${path.slice(0, depth).join('/')} is a ${container.type}`,
  );
}

/** The value for the rest of a path that does not exist yet: { a: { b: value } }. */
function wrap(rest: NodePath, value: Json): Json {
  let out = value;
  for (let k = rest.length - 1; k >= 0; k -= 1) {
    const segment = rest[k]!;
    out = typeof segment === 'number' ? [out] : { [segment]: out };
  }
  return out;
}

// ---- adding ----

/** `base-n` for the first n from `from` up that is not taken. */
function numberedId(base: string, from: number, taken: ReadonlySet<string>): string {
  let n = from;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/** A response id not used in the node yet: reply-1, reply-2… */
export function freshResponseId(node: NodeRead): string {
  return numberedId('reply', node.responses.length + 1, new Set(node.responses.map((r) => r.id)));
}

export interface NewResponse {
  /** Text per locale (or one string); a placeholder the trainer then rewrites. */
  text: Json;
  next: string;
}

/** Adds a response at the end of the node's list (the list is created if the node has none). */
export function addResponse(text: string, node: NodeRead, response: NewResponse): TextChange[] {
  const value: Json = { id: freshResponseId(node), text: response.text, next: response.next };
  return editNode(text, node.id, ['responses', node.responses.length], value);
}

export interface NewNode {
  /** The customer's line (per locale or one string). */
  say: Json;
  /** An ending with this outcome, or a customer turn with one response to `next`. */
  ending?: string;
  response?: { text: Json; next: string };
  /** Where the new node is linked from: that response's `next` becomes the new node. */
  link?: { nodeId: string; response: number };
}

/**
 * A new node with a fresh id (node-N, not yet taken) at the end of `nodes`, in a shape the
 * loader accepts (an ending, or a turn with one response), optionally linked from a response.
 */
export function addNode(
  text: string,
  nodeIds: readonly string[],
  draft: NewNode,
): { id: string; changes: TextChange[] } {
  const id = numberedId('node', nodeIds.length + 1, new Set(nodeIds));
  const value: Json = draft.ending
    ? { say: draft.say, ending: { outcome: draft.ending } }
    : {
        say: draft.say,
        responses: [{ id: 'reply-1', text: draft.response!.text, next: draft.response!.next }],
      };
  const [nodes] = offsetsOfMany(text, [['nodes']]);
  if (nodes === undefined || text[nodes] !== '{') throw new Error('the scenario has no nodes object');
  const style = styleOf(text);
  const changes = [appendMember(text, nodes, skipValue(text, nodes), id, value, style)];
  if (draft.link)
    changes.push(...editNode(text, draft.link.nodeId, ['responses', draft.link.response, 'next'], id));
  return { id, changes };
}
