import { syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import type { SyntaxNode } from '@lezer/common';

const keyText = (state: EditorState, property: SyntaxNode): string | null => {
  const name = property.getChild('PropertyName');
  if (!name) return null;
  try {
    return JSON.parse(state.sliceDoc(name.from, name.to)) as string;
  } catch {
    return null;
  }
};

/**
 * The id of the scenario node whose JSON holds `pos` (a property of the top-level `nodes` object),
 * or null outside every node. Read from the syntax tree, so it also works on a half-typed file.
 */
export function nodeAt(state: EditorState, pos: number): string | null {
  for (let n: SyntaxNode | null = syntaxTree(state).resolve(pos, 1); n; n = n.parent) {
    if (n.name !== 'Property') continue;
    const nodes = n.parent?.parent;
    if (
      nodes?.name === 'Property' &&
      nodes.parent?.parent?.name === 'JsonText' &&
      keyText(state, nodes) === 'nodes'
    )
      return keyText(state, n);
  }
  return null;
}
