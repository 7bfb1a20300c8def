import type { TranslationFormat } from '@/engine/i18n-export/translation-io';
import { useAuthor } from './author-store';

// The translation round trip of the Author view's draft: the engine's reader and writer load with
// the first use. Both work on the last checked draft, whose text and scenario belong together.

function checkedDraft() {
  const { check, checkedText } = useAuthor.getState();
  if (!check?.scenario || checkedText === null) throw new Error('the draft does not load: fix it first');
  return { scenario: check.scenario, text: checkedText };
}

export async function exportDraftTranslation(target: string, format: TranslationFormat) {
  const { translationDownload } = await import('@/engine/i18n-export/translation-io');
  return translationDownload(checkedDraft().scenario, target, format);
}

/** Reads a translated file into the draft: on success the editor gets the new text, as one undoable version. */
export async function importDraftTranslation(fileName: string, fileText: string) {
  const { translationImport } = await import('@/engine/i18n-export/translation-io');
  const { scenario, text } = checkedDraft();
  const result = translationImport(text, scenario, fileName, fileText);
  if (result.ok && result.text !== text) await useAuthor.getState().replaceText(result.text, 'translation');
  return result;
}
