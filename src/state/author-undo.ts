import { historyField } from '@codemirror/commands';
import { EditorState, type Extension } from '@codemirror/state';
import { fnv1a } from '@/engine/seeded-random';

// The editor's undo history outlives a reload: Ctrl+Z after reopening the page takes back what was
// typed before it. Kept beside the draft in localStorage, and used only when the draft restored is
// exactly the text the history ends on (another tab, a restored version or a cleared draft make it
// stale, and a stale history would undo into the wrong text).

export const UNDO_KEY = 'composure.author.undo';
/** Past this, the history is not kept (each edit stores the text it replaced; localStorage is small). */
export const MAX_UNDO_CHARS = 1_000_000;
const UNDO_FORMAT = 1;

interface SavedUndo {
  format: typeof UNDO_FORMAT;
  length: number;
  hash: number;
  /** EditorState.toJSON with the history, less the document (the draft holds it). */
  state: Record<string, unknown>;
}

export type UndoSaveResult = 'saved' | 'too-large' | 'failed';

const storageOf = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
};

export function saveUndoHistory(state: EditorState, storage = storageOf()): UndoSaveResult {
  if (!storage) return 'failed';
  const doc = state.doc.toString();
  const json = state.toJSON({ history: historyField }) as Record<string, unknown>;
  delete json.doc;
  const saved: SavedUndo = { format: UNDO_FORMAT, length: doc.length, hash: fnv1a(doc), state: json };
  const text = JSON.stringify(saved);
  try {
    if (text.length > MAX_UNDO_CHARS) {
      storage.removeItem(UNDO_KEY);
      return 'too-large';
    }
    storage.setItem(UNDO_KEY, text);
    return 'saved';
  } catch {
    return 'failed';
  }
}

/** The editor state with the saved history, when it belongs to `doc`; otherwise null (start afresh). */
export function restoreUndoHistory(
  doc: string,
  extensions: Extension,
  storage = storageOf(),
): EditorState | null {
  let saved: SavedUndo;
  try {
    const raw = storage?.getItem(UNDO_KEY);
    if (!raw) return null;
    saved = JSON.parse(raw) as SavedUndo;
  } catch {
    return null;
  }
  if (
    saved?.format !== UNDO_FORMAT ||
    saved.length !== doc.length ||
    saved.hash !== fnv1a(doc) ||
    typeof saved.state !== 'object'
  )
    return null;
  try {
    return EditorState.fromJSON({ ...saved.state, doc }, { extensions }, { history: historyField });
  } catch {
    // Written by another version of the editor, or damaged: the draft opens without its history.
    return null;
  }
}
