import { create } from 'zustand';

/**
 * The node the trainer is working on in the Author view. The editor's caret, the outline, the graph
 * and the node form each show it and may change it; `from` says who did, so the one that moved it
 * does not move itself again (the editor does not jump its caret back when the caret moved the
 * selection).
 */
export type SelectionSource = 'editor' | 'outline' | 'graph' | 'form';

export interface AuthorSelection {
  nodeId: string | null;
  from: SelectionSource | null;
  select: (nodeId: string | null, from: SelectionSource) => void;
}

export const useAuthorSelection = create<AuthorSelection>((set, get) => ({
  nodeId: null,
  from: null,
  select: (nodeId, from) => {
    if (get().nodeId === nodeId && get().from === from) return;
    set({ nodeId, from });
  },
}));
