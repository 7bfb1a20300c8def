import { history, redo, undo, undoDepth } from '@codemirror/commands';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { MAX_UNDO_CHARS, restoreUndoHistory, saveUndoHistory, UNDO_KEY } from '@/state/author-undo';

class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

/** Runs a history command the way a key press would, returning the new state. */
function run(state: EditorState, command: typeof undo): EditorState {
  let next = state;
  command({ state, dispatch: (tr) => (next = tr.state) });
  return next;
}

function typed(...inserts: string[]): EditorState {
  let state = EditorState.create({ doc: '{}', extensions: [history()] });
  for (const text of inserts)
    state = state.update({ changes: { from: state.doc.length - 1, insert: text }, userEvent: 'input' }).state;
  return state;
}

describe('undo across reloads', () => {
  it('brings back the history of the text it ends on: undo and redo work after the reload', () => {
    const storage = new MemoryStorage();
    const before = typed('"a": 1', ', "b": 2');
    expect(saveUndoHistory(before, storage as unknown as Storage)).toBe('saved');

    const after = restoreUndoHistory(before.doc.toString(), [history()], storage as unknown as Storage);
    expect(after).not.toBeNull();
    expect(undoDepth(after!)).toBe(undoDepth(before));
    const undone = run(after!, undo);
    expect(undone.doc.toString()).not.toBe(before.doc.toString());
    expect(run(undone, redo).doc.toString()).toBe(before.doc.toString());
  });

  it('ignores a history that ends on another text (another tab, a restored version)', () => {
    const storage = new MemoryStorage();
    saveUndoHistory(typed('"a": 1'), storage as unknown as Storage);
    expect(restoreUndoHistory('{"b": 2}', [history()], storage as unknown as Storage)).toBeNull();
  });

  it('ignores damaged or foreign saved data instead of failing to open the draft', () => {
    const storage = new MemoryStorage();
    const doc = typed('"a": 1').doc.toString();
    for (const raw of ['not json', '{"format":9}', JSON.stringify({ format: 1, length: 0, hash: 0 })]) {
      storage.setItem(UNDO_KEY, raw);
      expect(restoreUndoHistory(doc, [history()], storage as unknown as Storage)).toBeNull();
    }
  });

  it('does not keep a history larger than the limit, and drops the old one', () => {
    const storage = new MemoryStorage();
    saveUndoHistory(typed('"a": 1'), storage as unknown as Storage);
    // Undoing a deletion needs the deleted text: the history of clearing a long text is long.
    let huge = EditorState.create({ doc: 'x'.repeat(MAX_UNDO_CHARS), extensions: [history()] });
    huge = huge.update({ changes: { from: 0, to: huge.doc.length, insert: '{}' } }).state;
    expect(saveUndoHistory(huge, storage as unknown as Storage)).toBe('too-large');
    expect(storage.getItem(UNDO_KEY)).toBeNull();
  });
});
