import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, isolateHistory, undoDepth } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import {
  bracketMatching,
  ensureSyntaxTree,
  HighlightStyle,
  foldGutter,
  foldKeymap,
  syntaxHighlighting,
  syntaxTree,
} from '@codemirror/language';
import {
  lintGutter,
  lintKeymap,
  setDiagnostics,
  type Diagnostic as EditorDiagnostic,
} from '@codemirror/lint';
import { Compartment, EditorSelection, EditorState, type Extension } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react';
import type { Diagnostic } from '@/engine/load/diagnostic';
import type { SyntaxCause } from '@/state/author-syntax';
import { restoreUndoHistory, saveUndoHistory } from '@/state/author-undo';
import { adoptEditorStyles } from './adopted-styles';
import { nodeAt } from './caret-node';
import {
  offsetOf,
  outlineOf,
  schemaCompletion,
  schemaHover,
  toEditorDiagnostics,
  type OutlineEntry,
} from './editor-extensions';
import type { FieldSummary, JsonSchema } from './schema-path';

export interface EditorHandle {
  /** Caret to a 1-based line and column, scrolled into view, editor focused. */
  goTo: (line: number, column: number) => void;
  /** `focus` false moves the caret without taking focus (the graph keeps it while the editor follows). */
  goToOffset: (offset: number, focus?: boolean) => void;
  focus: () => void;
  /** Replaces the whole text as one edit, so Undo brings the previous text back. */
  replaceText: (text: string) => void;
  /**
   * Small changes made as one edit: one Undo takes them all back. Their offsets refer to `base`:
   * when the editor no longer holds exactly that text, nothing is changed and it returns false.
   */
  applyChanges: (
    changes: ReadonlyArray<{ from: number; to: number; insert: string }>,
    base: string,
  ) => boolean;
}

/** The check the marks come from: its text, so marks are only set on the text they belong to. */
export interface EditorCheck {
  text: string;
  diagnostics: readonly Diagnostic[];
  syntax: SyntaxCause | null;
}

export interface EditorStrings {
  required: string;
  describeCause: (cause: SyntaxCause) => string;
  fixFullWidth: string;
  renderField: (key: string, field: FieldSummary) => HTMLElement;
  phrases: Record<string, string>;
}

interface Props {
  id: string;
  labelledBy: string;
  describedBy: string;
  value: string;
  onChange: (text: string) => void;
  onDropFile: (file: File) => void;
  /**
   * Asked before pasted or dropped text goes in, with the text the editor would then hold: false
   * keeps it out (the caller says why).
   */
  allowText: (next: string) => boolean;
  invalid: boolean;
  check: EditorCheck | null;
  schema: JsonSchema | null;
  onOutline: (entries: OutlineEntry[]) => void;
  /** The node whose JSON the caret is in (null outside every node), told when it changes. */
  onCaretNode?: (nodeId: string | null) => void;
  /** Converts full-width punctuation outside strings; called by the syntax mark's action. */
  onFixFullWidth: () => void;
  strings: EditorStrings;
  handleRef: Ref<EditorHandle>;
}

// Token colours come from author.css through classes, so they follow the app's light and dark themes.
const jsonHighlight = HighlightStyle.define([
  { tag: tags.string, class: 'author-tok-string' },
  { tag: tags.number, class: 'author-tok-number' },
  { tag: [tags.bool, tags.null], class: 'author-tok-atom' },
  { tag: tags.propertyName, class: 'author-tok-key' },
]);

const OUTLINE_DELAY_MS = 250;
/**
 * Past this size, the text is handed to the store once typing pauses rather than on every
 * keystroke: turning a 2 MB document into one string costs several milliseconds each time.
 */
const LARGE_DOC_CHARS = 200_000;
const LARGE_DOC_DELAY_MS = 150;
const UNDO_SAVE_DELAY_MS = 1000;
/** Parsing the rest of a long file for the outline is done in slices this long, between frames. */
const PARSE_SLICE_MS = 30;

/**
 * CodeMirror 6 over the scenario JSON: numbered, wrapped, foldable lines; completion and hover from
 * the published schema; the engine's diagnostics as marks. The store owns the text: this reports
 * every change and takes a new text (an example, a file, a restored version) as one undoable edit.
 */
export function JsonEditor(props: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(props);
  // Handlers the editor was built with read the newest props through this.
  useLayoutEffect(() => {
    latest.current = props;
  });
  /** The text last reported to (or taken from) the store: a value equal to it needs no edit. */
  const known = useRef(props.value);
  const attributes = useRef(new Compartment());
  const phrases = useRef(new Compartment());
  const extensionsRef = useRef<Extension | null>(null);

  const contentAttributes = (p: Props): Extension =>
    EditorView.contentAttributes.of({
      id: p.id,
      'aria-labelledby': p.labelledBy,
      'aria-describedby': p.describedBy,
      ...(p.invalid ? { 'aria-invalid': 'true' } : {}),
      'data-testid': 'author-editor',
      // Focusable by Tab already (contenteditable); said explicitly so checkers see the scroll area's focusable content.
      tabindex: '0',
    });

  useEffect(() => {
    let outlineTimer: ReturnType<typeof setTimeout> | null = null;
    let changeTimer: ReturnType<typeof setTimeout> | null = null;
    let caretNode: string | null = null;
    const emitChange = () => {
      if (changeTimer) clearTimeout(changeTimer);
      changeTimer = null;
      const v = view.current;
      if (!v) return;
      const text = v.state.doc.toString();
      if (text === known.current) return;
      known.current = text;
      latest.current.onChange(text);
    };
    // Leaving the page must not lose the last keystrokes of a large text still waiting to be handed over.
    const onPageHide = () => {
      if (changeTimer) emitChange();
      if (undoTimer) saveUndo();
    };
    window.addEventListener('pagehide', onPageHide);
    const sendOutline = () => {
      outlineTimer = null;
      const v = view.current;
      if (!v) return;
      // A long file is parsed a slice at a time; the outline fills in as the parse goes on.
      const done = ensureSyntaxTree(v.state, v.state.doc.length, PARSE_SLICE_MS) !== null;
      latest.current.onOutline(outlineOf(v.state));
      if (!done) outlineTimer = setTimeout(sendOutline, OUTLINE_DELAY_MS);
    };
    const scheduleOutline = () => {
      if (outlineTimer) clearTimeout(outlineTimer);
      outlineTimer = setTimeout(sendOutline, OUTLINE_DELAY_MS);
    };
    // Typed edits' undo history is saved a moment after typing stops and when the page is left.
    let undoTimer: ReturnType<typeof setTimeout> | null = null;
    const saveUndo = () => {
      if (undoTimer) clearTimeout(undoTimer);
      undoTimer = null;
      if (view.current) saveUndoHistory(view.current.state);
    };
    const p = latest.current;
    const extensions: Extension = [
      lineNumbers(),
      foldGutter(),
      lintGutter(),
      highlightActiveLineGutter(),
      highlightActiveLine(),
      drawSelection(),
      history(),
      bracketMatching(),
      closeBrackets(),
      json(),
      syntaxHighlighting(jsonHighlight),
      EditorView.lineWrapping,
      autocompletion({
        override: [
          schemaCompletion({
            schema: () => latest.current.schema,
            nodeIds: (s) => outlineOf(s).map((e) => e.id),
            requiredLabel: p.strings.required,
          }),
        ],
      }),
      schemaHover(
        () => latest.current.schema,
        (key, field) => latest.current.strings.renderField(key, field),
      ),
      // Tab stays with the page (moving focus), as in any form: no keyboard trap.
      keymap.of([
        ...closeBracketsKeymap,
        ...defaultKeymap,
        ...historyKeymap,
        ...foldKeymap,
        ...completionKeymap,
        ...lintKeymap,
      ]),
      attributes.current.of(contentAttributes(p)),
      phrases.current.of(EditorState.phrases.of(p.strings.phrases)),
      EditorView.domEventHandlers({
        paste: (event, v) => {
          const inserted = event.clipboardData?.getData('text/plain') ?? '';
          const { from, to } = v.state.selection.main;
          const next = v.state.sliceDoc(0, from) + inserted + v.state.sliceDoc(to);
          if (latest.current.allowText(next)) return false;
          event.preventDefault();
          return true;
        },
        dragover: (event) => {
          if ([...(event.dataTransfer?.types ?? [])].includes('Files')) {
            event.preventDefault();
            if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
            return true;
          }
          return false;
        },
        drop: (event) => {
          const file = event.dataTransfer?.files[0];
          if (!file) return false;
          event.preventDefault();
          latest.current.onDropFile(file);
          return true;
        },
      }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) {
          if (changeTimer) clearTimeout(changeTimer);
          if (update.state.doc.length < LARGE_DOC_CHARS) emitChange();
          else changeTimer = setTimeout(emitChange, LARGE_DOC_DELAY_MS);
        }
        if (update.docChanged || syntaxTree(update.startState) !== syntaxTree(update.state))
          scheduleOutline();
        if (update.selectionSet || update.docChanged) {
          const caret = nodeAt(update.state, update.state.selection.main.head);
          if (caret !== caretNode) latest.current.onCaretNode?.((caretNode = caret));
        }
        if (update.docChanged) {
          if (undoTimer) clearTimeout(undoTimer);
          undoTimer = setTimeout(saveUndo, UNDO_SAVE_DELAY_MS);
        }
      }),
    ];
    extensionsRef.current = extensions;
    // Reopened on the text the saved history ends on: Undo reaches back before the reload.
    const state = restoreUndoHistory(p.value, extensions) ?? EditorState.create({ doc: p.value, extensions });
    adoptEditorStyles();
    const v = new EditorView({ state, parent: host.current! });
    view.current = v;
    scheduleOutline();
    return () => {
      if (outlineTimer) clearTimeout(outlineTimer);
      if (changeTimer) emitChange();
      if (undoTimer) saveUndo();
      window.removeEventListener('pagehide', onPageHide);
      view.current = null;
      v.destroy();
    };
  }, []);

  // A text from outside (an example, a file, a restored version) replaces the document as one edit.
  useEffect(() => {
    const v = view.current;
    if (!v || props.value === known.current) return;
    known.current = props.value;
    if (v.state.doc.toString() === props.value) return;
    // The draft arriving after the editor opened empty: its saved history comes with it when it fits.
    const restored =
      v.state.doc.length === 0 && undoDepth(v.state) === 0 && extensionsRef.current
        ? restoreUndoHistory(props.value, extensionsRef.current)
        : null;
    if (restored) return v.setState(restored);
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: props.value } });
  }, [props.value]);

  const { id, labelledBy, describedBy, invalid } = props;
  useEffect(() => {
    view.current?.dispatch({
      effects: attributes.current.reconfigure(
        contentAttributes({ ...latest.current, id, labelledBy, describedBy, invalid }),
      ),
    });
  }, [id, labelledBy, describedBy, invalid]);

  useEffect(() => {
    view.current?.dispatch({
      effects: phrases.current.reconfigure(EditorState.phrases.of(props.strings.phrases)),
    });
  }, [props.strings.phrases]);

  // Marks are set only on the text they were found in; the editor moves them along with later edits.
  const { check } = props;
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    if (!check) {
      v.dispatch(setDiagnostics(v.state, []));
      return;
    }
    if (check.text !== known.current) return;
    const marks: EditorDiagnostic[] = toEditorDiagnostics(v.state.doc, check.diagnostics);
    const cause = check.syntax;
    if (cause) {
      const strings = latest.current.strings;
      marks.unshift({
        from: cause.from,
        to: Math.max(cause.to, cause.from + 1),
        severity: 'error',
        source: 'E_JSON_SYNTAX',
        message: strings.describeCause(cause),
        markClass: 'author-syntax-cause',
        ...(cause.kind === 'full-width'
          ? { actions: [{ name: strings.fixFullWidth, apply: () => latest.current.onFixFullWidth() }] }
          : {}),
      });
    }
    v.dispatch(setDiagnostics(v.state, marks));
  }, [check]);

  useImperativeHandle(
    props.handleRef,
    (): EditorHandle => {
      const goToOffset = (offset: number, focus = true) => {
        const v = view.current;
        if (!v) return;
        const at = Math.min(Math.max(0, offset), v.state.doc.length);
        v.dispatch({
          selection: EditorSelection.cursor(at),
          effects: EditorView.scrollIntoView(at, { y: 'center' }),
        });
        if (focus) v.focus();
      };
      return {
        goToOffset,
        goTo: (line, column) => {
          const v = view.current;
          if (v) goToOffset(offsetOf(v.state.doc, line, column));
        },
        focus: () => view.current?.focus(),
        replaceText: (text) => {
          const v = view.current;
          if (!v) return;
          known.current = text;
          v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } });
        },
        applyChanges: (changes, base) => {
          const v = view.current;
          if (!v || v.state.doc.length !== base.length || v.state.doc.toString() !== base) return false;
          if (changes.length === 0) return true;
          // Its own history event, never merged with typing around it: one Undo takes back one form edit.
          v.dispatch({
            changes: [...changes],
            userEvent: 'input.form',
            annotations: isolateHistory.of('full'),
          });
          return true;
        },
      };
    },
    [],
  );

  return <div className="json-editor" ref={host} />;
}
