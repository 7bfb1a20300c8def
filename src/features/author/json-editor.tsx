import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type DragEvent,
  type Ref,
} from 'react';
import { countLines } from './text-position';

interface Props {
  id: string;
  value: string;
  onChange: (text: string) => void;
  onDropFile: (file: File) => void;
  /**
   * Asked before pasted or dropped text goes in, with the text the editor would then hold: false
   * keeps it out (the caller says why), since laying out a huge text freezes the page.
   */
  allowText: (next: string) => boolean;
  textareaRef: Ref<HTMLTextAreaElement>;
  describedBy: string;
  invalid: boolean;
}

/** Line numbers drawn above and below the visible ones, so a fast scroll never shows a gap. */
const OVERSCAN = 20;
/** Before the textarea is measured (and in jsdom, which has no layout): a tall editor's worth. */
const FALLBACK_HEIGHT = 800;
const FALLBACK_LINE_HEIGHT = 20;

function assignRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}

interface Viewport {
  top: number;
  height: number;
  lineHeight: number;
}

function measure(area: HTMLTextAreaElement, lines: number): Viewport {
  const style = getComputedStyle(area);
  let lineHeight = Number.parseFloat(style.lineHeight) || FALLBACK_LINE_HEIGHT;
  // Over many lines the browser's line pitch drifts from the computed line-height (rounding to its
  // layout units): when the text overflows, take the pitch from the text's real height instead.
  const padding = (Number.parseFloat(style.paddingTop) || 0) + (Number.parseFloat(style.paddingBottom) || 0);
  if (area.scrollHeight > area.clientHeight && lines > 0) lineHeight = (area.scrollHeight - padding) / lines;
  return { top: area.scrollTop, height: area.clientHeight || FALLBACK_HEIGHT, lineHeight };
}

/**
 * A plain monospace textarea with a line-number gutter that follows its scroll. The gutter holds
 * only the numbers in view (plus a margin), so a million-line paste costs the same as a short file.
 */
export function JsonEditor({
  id,
  value,
  onChange,
  onDropFile,
  allowText,
  textareaRef,
  describedBy,
  invalid,
}: Props) {
  const areaRef = useRef<HTMLTextAreaElement | null>(null);
  const lines = useMemo(() => countLines(value), [value]);
  const [view, setView] = useState<Viewport>({
    top: 0,
    height: FALLBACK_HEIGHT,
    lineHeight: FALLBACK_LINE_HEIGHT,
  });

  const update = useCallback(() => {
    const area = areaRef.current;
    if (!area) return;
    const next = measure(area, lines);
    setView((prev) =>
      prev.top === next.top && prev.height === next.height && prev.lineHeight === next.lineHeight
        ? prev
        : next,
    );
  }, [lines]);

  const setRefs = useCallback(
    (node: HTMLTextAreaElement | null) => {
      areaRef.current = node;
      assignRef(textareaRef, node);
    },
    [textareaRef],
  );

  // Remeasure when the text changes (a paste or a caret jump can scroll) and when the editor resizes.
  useEffect(update, [update, value]);
  useEffect(() => {
    const area = areaRef.current;
    if (!area || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(area);
    return () => observer.disconnect();
  }, [update]);

  const { top, height, lineHeight } = view;
  const firstLine = Math.min(lines, Math.max(0, Math.floor(top / lineHeight) - OVERSCAN));
  const lastLine = Math.min(lines, Math.ceil((top + height) / lineHeight) + OVERSCAN);
  const numbers = useMemo(() => {
    const out: number[] = [];
    for (let n = firstLine + 1; n <= lastLine; n += 1) out.push(n);
    return out.join('\n');
  }, [firstLine, lastLine]);

  const onDragOver = (event: DragEvent) => {
    if ([...event.dataTransfer.types].includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  };
  /** The text after replacing the selection with `inserted`, as a paste or a drop would leave it. */
  const withInserted = (inserted: string) => {
    const area = areaRef.current;
    const start = area?.selectionStart ?? value.length;
    const end = area?.selectionEnd ?? value.length;
    return value.slice(0, start) + inserted + value.slice(end);
  };
  const onDrop = (event: DragEvent) => {
    const file = event.dataTransfer.files[0];
    if (!file) {
      // Dropped text: the textarea inserts it as usual, unless it is too much to lay out.
      if (!allowText(withInserted(event.dataTransfer.getData('text/plain')))) event.preventDefault();
      return;
    }
    event.preventDefault();
    onDropFile(file);
  };
  const onPaste = (event: ClipboardEvent) => {
    if (!allowText(withInserted(event.clipboardData.getData('text/plain')))) event.preventDefault();
  };

  return (
    <div className="json-editor" onDragOver={onDragOver} onDrop={onDrop}>
      <div
        className="json-editor__gutter"
        style={{ width: `${String(lines).length + 2}ch` }}
        aria-hidden="true"
        data-testid="author-gutter"
        data-first-line={firstLine + 1}
      >
        <pre style={{ transform: `translateY(${firstLine * lineHeight - top}px)` }}>{numbers}</pre>
      </div>
      <textarea
        id={id}
        ref={setRefs}
        className="json-editor__text"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onPaste={onPaste}
        onScroll={update}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        wrap="off"
        data-testid="author-editor"
      />
    </div>
  );
}
