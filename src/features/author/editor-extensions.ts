import type { CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import type { Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import type { EditorState, Text } from '@codemirror/state';
import { hoverTooltip, type Tooltip } from '@codemirror/view';
import type { SyntaxNode } from '@lezer/common';
import type { Diagnostic } from '@/engine/load/diagnostic';
import {
  describeField,
  keysAt,
  valuesAt,
  type FieldSummary,
  type JsonSchema,
  type PathStep,
} from './schema-path';

// The editor's knowledge of scenario files: where the caret is in the document (from the JSON
// syntax tree, which tolerates a half-typed file), completion and hover from the published schema,
// the outline of nodes, and the engine's diagnostics turned into marks at their line and column.

/** Fields whose value names a node: completion offers the ids the outline found. */
const NODE_REFERENCES = new Set(['start', 'next', 'otherwise']);

const unquote = (text: string) => {
  try {
    return JSON.parse(text) as string;
  } catch {
    return text.replace(/^"|"$/g, '');
  }
};

function keyOf(state: EditorState, property: SyntaxNode): string | null {
  const name = property.getChild('PropertyName');
  return name ? unquote(state.sliceDoc(name.from, name.to)) : null;
}

/** The path from the document's root to `node` (an object, array or value). */
export function pathOf(state: EditorState, node: SyntaxNode): PathStep[] {
  const path: PathStep[] = [];
  for (let n: SyntaxNode | null = node; n?.parent; n = n.parent) {
    const parent: SyntaxNode = n.parent;
    if (parent.name === 'Property' && n.name !== 'PropertyName') path.unshift(keyOf(state, parent) ?? '');
    else if (parent.name === 'Array') path.unshift(0);
  }
  return path;
}

export type Place =
  | { kind: 'key'; object: SyntaxNode; path: PathStep[]; from: number; to: number }
  | { kind: 'value'; path: PathStep[]; key: string; from: number; to: number };

/** Whether `pos` is where a key or a value goes, and the path of the object or field there. */
export function placeAt(state: EditorState, pos: number, explicit = false): Place | null {
  const node = syntaxTree(state).resolveInner(pos, -1);
  if (node.name === 'PropertyName') {
    const object = node.parent!.parent!;
    return { kind: 'key', object, path: pathOf(state, object), from: node.from, to: node.to };
  }
  // A string typed where a key goes, before its colon, parses as a stray value of the object.
  if (node.name === 'String' && node.parent?.name === 'Object')
    return {
      kind: 'key',
      object: node.parent,
      path: pathOf(state, node.parent),
      from: node.from,
      to: node.to,
    };
  if (node.name === 'Object' && explicit)
    return { kind: 'key', object: node, path: pathOf(state, node), from: pos, to: pos };
  const property = node.name === 'Property' ? node : node.parent?.name === 'Property' ? node.parent : null;
  if (!property) return null;
  const colon = property.getChild(':');
  if (!colon || pos < colon.to) return null;
  const key = keyOf(state, property);
  if (key === null) return null;
  const path = [...pathOf(state, property), key];
  const valueNode = node === property ? null : node;
  return { kind: 'value', path, key, from: valueNode?.from ?? pos, to: valueNode?.to ?? pos };
}

export interface OutlineEntry {
  id: string;
  /** Offset of the node's key. */
  from: number;
}

/** The ids of the scenario's nodes, in file order, as far as the syntax tree has been parsed. */
export function outlineOf(state: EditorState): OutlineEntry[] {
  const top = syntaxTree(state).topNode.getChild('Object');
  const nodes = top?.getChildren('Property').find((p) => keyOf(state, p) === 'nodes');
  const object = nodes?.getChild('Object');
  if (!object) return [];
  const out: OutlineEntry[] = [];
  for (const property of object.getChildren('Property')) {
    const id = keyOf(state, property);
    if (id !== null) out.push({ id, from: property.from });
  }
  return out;
}

export interface SchemaSource {
  schema: () => JsonSchema | null;
  nodeIds: (state: EditorState) => string[];
  requiredLabel: string;
}

/** Completion of keys (the ones not yet in the object) and fixed values from the schema; node ids for `next`. */
export function schemaCompletion(source: SchemaSource): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const schema = source.schema();
    if (!schema) return null;
    const place = placeAt(context.state, context.pos, context.explicit);
    if (!place) return null;
    if (place.kind === 'key') {
      const present = new Set(
        place.object
          .getChildren('Property')
          .map((p) => keyOf(context.state, p))
          .filter((k) => k !== null),
      );
      const options = keysAt(schema, place.path)
        .filter((k) => !present.has(k.key))
        .map((k) => ({
          label: JSON.stringify(k.key),
          type: 'property',
          ...(k.required ? { detail: source.requiredLabel } : {}),
          boost: k.required ? 1 : 0,
        }));
      return options.length ? { from: place.from, to: place.to, options, validFor: /^"?[\w$-]*"?$/ } : null;
    }
    const values = valuesAt(schema, place.path).map((v) => ({ label: v, type: 'enum' }));
    const ids = NODE_REFERENCES.has(place.key)
      ? source.nodeIds(context.state).map((id) => ({ label: JSON.stringify(id), type: 'variable' }))
      : [];
    const options = [...values, ...ids];
    if (!options.length) return null;
    return { from: place.from, to: place.to, options, validFor: /^"?[\w$-]*"?$/ };
  };
}

/** Hover over a key: what the schema says of that field. */
export function schemaHover(
  schema: () => JsonSchema | null,
  render: (key: string, field: FieldSummary) => HTMLElement,
) {
  return hoverTooltip((view, pos): Tooltip | null => {
    const root = schema();
    if (!root) return null;
    const node = syntaxTree(view.state).resolveInner(pos, 1);
    if (node.name !== 'PropertyName') return null;
    const property = node.parent!;
    const key = keyOf(view.state, property);
    if (key === null) return null;
    const field = describeField(root, [...pathOf(view.state, property), key]);
    if (!field) return null;
    return { pos: node.from, end: node.to, above: true, create: () => ({ dom: render(key, field) }) };
  });
}

/** Offset of a 1-based line and column, clamped to the document and the line. */
export function offsetOf(doc: Text, line: number, column: number): number {
  const l = doc.line(Math.min(Math.max(1, line), doc.lines));
  return l.from + Math.min(Math.max(0, column - 1), l.length);
}

/** The end of the JSON token at `from` (a whole string, word or number), within its line. */
function tokenEnd(doc: Text, from: number): number {
  const line = doc.lineAt(from);
  const rest = doc.sliceString(from, line.to);
  const token = /^"(?:[^"\\]|\\.)*"?|^[^\s,:{}[\]"]+/.exec(rest)?.[0];
  return from + Math.max(1, Math.min(token?.length ?? 1, rest.length));
}

/** The engine's located diagnostics as editor marks; unlocated ones stay in the problems list. */
export function toEditorDiagnostics(doc: Text, diagnostics: readonly Diagnostic[]): EditorDiagnostic[] {
  const out: EditorDiagnostic[] = [];
  for (const d of diagnostics) {
    if (d.line === null) continue;
    const from = offsetOf(doc, d.line, d.column ?? 1);
    out.push({
      from,
      to: Math.min(doc.length, tokenEnd(doc, from)),
      severity: d.severity,
      source: d.code,
      message: d.hint ? `${d.message} (${d.hint})` : d.message,
    });
  }
  return out;
}
