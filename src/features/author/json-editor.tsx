import { useMemo, useRef, type DragEvent, type Ref } from 'react';
import { countLines } from './text-position';

interface Props {
  id: string;
  value: string;
  onChange: (text: string) => void;
  onDropFile: (file: File) => void;
  textareaRef: Ref<HTMLTextAreaElement>;
  describedBy: string;
  invalid: boolean;
}

/** A plain monospace textarea with a line-number gutter; the gutter follows the textarea's scroll. */
export function JsonEditor({ id, value, onChange, onDropFile, textareaRef, describedBy, invalid }: Props) {
  const gutterRef = useRef<HTMLPreElement>(null);
  const lines = useMemo(() => countLines(value), [value]);
  const numbers = useMemo(() => Array.from({ length: lines }, (_, i) => i + 1).join('\n'), [lines]);

  const onDragOver = (event: DragEvent) => {
    if ([...event.dataTransfer.types].includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  };
  const onDrop = (event: DragEvent) => {
    const file = event.dataTransfer.files[0];
    if (!file) return; // dropped text: the textarea inserts it as usual
    event.preventDefault();
    onDropFile(file);
  };

  return (
    <div className="json-editor" onDragOver={onDragOver} onDrop={onDrop}>
      <div
        className="json-editor__gutter"
        style={{ width: `${String(lines).length + 2}ch` }}
        aria-hidden="true"
      >
        <pre ref={gutterRef}>{numbers}</pre>
      </div>
      <textarea
        id={id}
        ref={textareaRef}
        className="json-editor__text"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onScroll={(event) => {
          if (gutterRef.current) gutterRef.current.scrollTop = event.currentTarget.scrollTop;
        }}
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
