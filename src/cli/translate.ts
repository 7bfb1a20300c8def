// npm run translate -- export <scenario.json> --to en [--from zh-CN] [--format xliff|csv] > out.xlf
// npm run translate -- import <scenario.json> <translated.xlf|.csv> > new.json
// Export writes every translatable string for a translator; import reads the file back into the
// scenario's JSON (only the translated strings change) and reports on stderr what changed, what is
// still missing and which ids it did not know. Exit 1 with a located error on a malformed file.
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../engine/load/diagnostic';
import { loadScenario } from '../engine/load/load-scenario';
import { readCsv, writeCsv } from '../engine/i18n-export/csv';
import { editJsonText } from '../engine/i18n-export/edit-json-text';
import { exportTranslation, importTranslation } from '../engine/i18n-export/translation-units';
import { readXliff, writeXliff } from '../engine/i18n-export/xliff';

const USAGE = `usage:
  npm run translate -- export <scenario.json> --to <locale> [--from <locale>] [--format xliff|csv] > out.xlf
  npm run translate -- import <scenario.json> <translated.xlf or .csv> > new.json`;

const argv = process.argv.slice(2);
const options = new Map<string, string>();
const positional: string[] = [];
for (let i = 0; i < argv.length; i += 1) {
  const a = argv[i]!;
  if (a.startsWith('--')) options.set(a.slice(2), argv[(i += 1)] ?? '');
  else positional.push(a);
}
const [command, scenarioPath, translatedPath] = positional;
process.exit(main());

function main(): number {
  if (command === 'export' && scenarioPath) return exportCommand(scenarioPath);
  if (command === 'import' && scenarioPath && translatedPath)
    return importCommand(scenarioPath, translatedPath);
  console.error(USAGE);
  return 2;
}

function exportCommand(path: string): number {
  const target = options.get('to');
  const format = options.get('format') ?? 'xliff';
  if (!target || (format !== 'xliff' && format !== 'csv')) {
    console.error(USAGE);
    return 2;
  }
  const loaded = load(path);
  if (!loaded) return 1;
  const file = exportTranslation(loaded.scenario, target, options.get('from'));
  process.stdout.write(format === 'csv' ? writeCsv(file) : writeXliff(file));
  const untranslated = file.units.filter((u) => u.target === undefined).length;
  console.error(
    `${path}: ${file.units.length} strings, ${file.sourceLocale} → ${target}, ${untranslated} without a translation`,
  );
  return 0;
}

function importCommand(path: string, translated: string): number {
  const loaded = load(path);
  if (!loaded) return 1;
  const text = readText(translated);
  if (text === null) return 1;
  const isCsv = translated.toLowerCase().endsWith('.csv') || !text.trimStart().startsWith('<');
  const read = isCsv ? readCsv(text) : readXliff(text);
  if (!read.ok) {
    for (const e of read.errors)
      console.error(`${translated}:${e.line}:${e.column} error E_TRANSLATION_FILE ${e.message}`);
    return 1;
  }
  const { scenario, edits, report } = importTranslation(loaded.scenario, read.file);
  // A format-0 file was converted on load: its pointers are the new format's, so write that out.
  const migrated = loaded.diagnostics.some((d) => d.code === 'I_MIGRATED');
  process.stdout.write(
    migrated ? JSON.stringify(scenario, null, 2) + '\n' : editJsonText(loaded.text, edits),
  );
  const at = (line?: number) => `${translated}:${line ?? 1}:1`;
  if (report.otherScenario)
    console.error(
      `${at()} warning the file was exported from '${report.otherScenario}', not '${loaded.scenario.id}'`,
    );
  for (const u of report.unknown)
    console.error(`${at(u.line)} warning unknown id ${u.id}: no such text in ${path}`);
  for (const d of report.duplicates)
    console.error(`${at(d.line)} warning ${d.id} appears twice; the first counts`);
  for (const s of report.stale)
    console.error(
      `${at(s.line)} warning the source of ${s.id} changed since the export: check the translation`,
    );
  for (const m of report.missing)
    console.error(`${m.inFile ? at(m.line) : path + ':1:1'} info no ${report.targetLocale} text for ${m.id}`);
  console.error(
    `${translated}: ${report.changed.length} changed, ${report.unchanged} unchanged, ${report.missing.length} missing, ` +
      `${report.unknown.length} unknown${report.addedLocale ? `; added '${report.targetLocale}' to locales` : ''}`,
  );
  return 0;
}

function load(path: string) {
  const text = readText(path);
  if (text === null) return null;
  const loaded = loadScenario(text);
  if (!loaded.ok) {
    print(path, loaded.diagnostics);
    console.error(`${path}: invalid; fix it first (npm run validate -- ${path})`);
    return null;
  }
  return { scenario: loaded.scenario, diagnostics: loaded.diagnostics, text };
}

function print(path: string, diagnostics: readonly Diagnostic[]) {
  for (const d of diagnostics)
    if (d.severity === 'error')
      console.error(`${path}:${d.line ?? 1}:${d.column ?? 1} error ${d.code} ${d.message} at ${d.path}`);
}

function readText(path: string): string | null {
  try {
    const text = readFileSync(path, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    console.error(`${path}:1:1 error E_READ ${(error as Error).message}`);
    return null;
  }
}
