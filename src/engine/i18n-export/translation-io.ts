import type { Scenario } from '../format/scenario-schema';
import { readCsv, writeCsv } from './csv';
import { editJsonText } from './edit-json-text';
import { exportTranslation, importTranslation, type TranslationReport } from './translation-units';
import { readXliff, writeXliff, type LocatedError } from './xliff';

export type TranslationFormat = 'xliff' | 'csv';

export interface TranslationDownload {
  fileName: string;
  mimeType: string;
  text: string;
  strings: number;
  untranslated: number;
}

export type TranslationImport =
  | { ok: true; text: string; scenario: Scenario; report: TranslationReport }
  | { ok: false; errors: LocatedError[] };

/** The file a translator gets, named after the scenario and the two locales. */
export function translationDownload(
  scenario: Scenario,
  target: string,
  format: TranslationFormat,
  source?: string,
): TranslationDownload {
  const file = exportTranslation(scenario, target, source);
  const csv = format === 'csv';
  return {
    fileName: `${scenario.id}.${file.sourceLocale}-${target}.${csv ? 'csv' : 'xlf'}`,
    mimeType: csv ? 'text/csv;charset=utf-8' : 'application/xliff+xml;charset=utf-8',
    text: csv ? writeCsv(file) : writeXliff(file),
    strings: file.units.length,
    untranslated: file.units.filter((u) => u.target === undefined).length,
  };
}

/**
 * A translated file read back into the scenario's JSON text (`jsonText` is the text `scenario` was
 * loaded from): the new text, with only the translated strings changed, and the report. CSV is told
 * by its name or by not starting with '<'.
 */
export function translationImport(
  jsonText: string,
  scenario: Scenario,
  fileName: string,
  fileText: string,
): TranslationImport {
  const body = fileText.charCodeAt(0) === 0xfeff ? fileText.slice(1) : fileText;
  const csv = /\.csv$/i.test(fileName) || !body.trimStart().startsWith('<');
  const read = csv ? readCsv(body) : readXliff(body);
  if (!read.ok) return read;
  const result = importTranslation(scenario, read.file);
  return {
    ok: true,
    text: result.edits.length > 0 ? editJsonText(jsonText, result.edits) : jsonText,
    scenario: result.scenario,
    report: result.report,
  };
}
