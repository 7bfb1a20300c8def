import { applyEdits, modify } from 'jsonc-parser';
import type { TranslationEdit } from './translation-units';

/**
 * The edits made in the scenario's JSON text itself, so the file keeps its layout and only the
 * translated strings change in a diff. New keys are written with two-space indentation.
 */
export function editJsonText(text: string, edits: readonly TranslationEdit[]): string {
  let out = text;
  for (const { path, value } of edits) {
    const changes = modify(out, path, value, {
      formattingOptions: { insertSpaces: true, tabSize: 2, eol: text.includes('\r\n') ? '\r\n' : '\n' },
    });
    out = applyEdits(out, changes);
  }
  return out;
}
