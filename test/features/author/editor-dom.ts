import { EditorView } from '@codemirror/view';
import { fireEvent, screen } from '@testing-library/react';

// CodeMirror measures text with Range rectangles, which jsdom does not lay out: empty ones let it
// run (there is no layout to get wrong here; the browser tests cover that).
const empty = (): DOMRect => ({
  x: 0,
  y: 0,
  width: 0,
  height: 0,
  top: 0,
  left: 0,
  right: 0,
  bottom: 0,
  toJSON: () => ({}),
});
for (const proto of [Range.prototype, Element.prototype] as Array<{
  getClientRects?: unknown;
  getBoundingClientRect?: unknown;
}>) {
  proto.getClientRects ??= function (): DOMRectList {
    return Object.assign([], { item: () => null }) as unknown as DOMRectList;
  };
  proto.getBoundingClientRect ??= empty;
}

/** The editor under the label, as CodeMirror holds it. */
export function editorView(label = 'Scenario JSON'): EditorView {
  const content = screen.getByLabelText(label);
  const view = EditorView.findFromDOM(content);
  if (!view) throw new Error('no editor');
  return view;
}

export const editorText = (label?: string) => editorView(label).state.doc.toString();

/** Replaces the whole text as a paste would (through the editor, so the store hears of it). */
export function pasteAll(text: string, label?: string): void {
  const view = editorView(label);
  view.dispatch({ selection: { anchor: 0, head: view.state.doc.length } });
  paste(text, label);
}

/** A paste event at the selection, as the browser sends it. */
export function paste(text: string, label?: string): void {
  const view = editorView(label);
  fireEvent.paste(view.contentDOM, {
    clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : ''), types: ['text/plain'] },
  });
}
