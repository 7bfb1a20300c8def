import type { LocalizedText } from '../format/localized-text';
import type { Scenario } from '../format/scenario-schema';
import { toPointer } from '../load/diagnostic';
import { forEachText, textPath, type TextField } from '../lint/texts';

type Path = Array<string | number>;

/** One translatable text: its id is the JSON pointer of the text, so it stays put across exports. */
export interface TranslationUnit {
  id: string;
  source: string;
  /** Absent or empty when there is no translation yet. */
  target?: string;
  /** What the text is, for the translator ("customer line, node opening"). */
  note?: string;
  /** Where the unit starts in the file read back (1-based), for located reports. */
  line?: number;
}

/** What a translator receives and returns: XLIFF and CSV are two spellings of this. */
export interface TranslationFile {
  /** The scenario's id, so a file is not imported into another scenario by mistake. */
  original: string;
  sourceLocale: string;
  targetLocale: string;
  units: TranslationUnit[];
}

export interface TranslationReport {
  targetLocale: string;
  /** Texts whose target-locale string the import set or replaced. */
  changed: Array<{ id: string; before?: string; after: string }>;
  /** Texts left without a translation from the file: empty in it, or not in it. */
  missing: Array<{ id: string; source: string; inFile: boolean; line?: number }>;
  /** Ids in the file that name no text of this scenario (renamed or deleted since the export). */
  unknown: Array<{ id: string; line?: number }>;
  /** The source text changed since the export: the translation may no longer match it. */
  stale: Array<{ id: string; exported: string; current: string; line?: number }>;
  /** A second unit with the same id: the first one counts. */
  duplicates: Array<{ id: string; line?: number }>;
  unchanged: number;
  /** The target locale was not among the scenario's `locales` and the import added it. */
  addedLocale: boolean;
  /** The file names another scenario. */
  otherScenario: string | null;
}

/** A change to make in the scenario's JSON: at `path`, put `value`. The CLI and the editor apply these to the text. */
export interface TranslationEdit {
  path: Path;
  value: string | Record<string, string> | string[];
}

const FIELD_NOTES: Record<TextField, string> = {
  title: 'scenario title',
  brief: 'scenario brief',
  role: "the trainee's role",
  'customer-name': "the customer's name",
  say: 'customer line',
  'say-variant': 'customer line (one variant)',
  note: 'stage direction',
  unclear: 'customer line when a typed reply is unclear',
  'ending-say': "customer's last line",
  'ending-summary': 'ending summary (debrief)',
  'response-text': "trainee's answer",
  feedback: 'feedback on the answer (debrief)',
  reply: "customer's reply to the answer",
  'promise-what': 'what the trainee promised',
};

interface Slot {
  path: Path;
  text: LocalizedText;
  note: string;
}

/** Every text of the scenario by pointer, in the format's order. */
function slotsOf(scenario: Scenario): Map<string, Slot> {
  const slots = new Map<string, Slot>();
  forEachText(scenario, (text, site) => {
    const path = textPath(site);
    const where = site.node && path[0] === 'nodes' ? `, node ${site.node}` : '';
    slots.set(toPointer(path), { path, text, note: FIELD_NOTES[site.field] + where });
  });
  return slots;
}

/** The locale translated from: the one asked for, else the first declared locale that is not the target. */
export function sourceLocaleFor(scenario: Scenario, target: string, source?: string): string {
  return source ?? scenario.locales.find((l) => l !== target) ?? scenario.locales[0]!;
}

function stringIn(text: LocalizedText, locale: string): string | undefined {
  return typeof text === 'string' ? text : Object.hasOwn(text, locale) ? text[locale] : undefined;
}

/**
 * Every translatable string of a scenario, source beside target. A plain string is the same in every
 * locale, so it is its own target. A text lacking the source locale offers another locale's string,
 * said so in the note.
 */
export function exportTranslation(scenario: Scenario, target: string, source?: string): TranslationFile {
  const from = sourceLocaleFor(scenario, target, source);
  const units: TranslationUnit[] = [];
  for (const [id, slot] of slotsOf(scenario)) {
    let text = stringIn(slot.text, from);
    let note = slot.note;
    if (text === undefined) {
      const [other, value] = Object.entries(slot.text as Record<string, string>)[0] ?? ['', ''];
      text = value;
      note += ` (no ${from} text: this is the ${other} text)`;
    }
    const translated = stringIn(slot.text, target);
    units.push({ id, source: text, ...(translated !== undefined ? { target: translated } : {}), note });
  }
  return { original: scenario.id, sourceLocale: from, targetLocale: target, units };
}

/**
 * Reads a translated file back into the scenario: the new scenario (the same object when nothing
 * changed), the edits that make it (to apply to the JSON text instead), and a report of what changed,
 * what is still missing, and ids the scenario does not have.
 */
export function importTranslation(
  scenario: Scenario,
  file: TranslationFile,
): { scenario: Scenario; edits: TranslationEdit[]; report: TranslationReport } {
  const target = file.targetLocale;
  const slots = slotsOf(scenario);
  const report: TranslationReport = {
    targetLocale: target,
    changed: [],
    missing: [],
    unknown: [],
    stale: [],
    duplicates: [],
    unchanged: 0,
    addedLocale: false,
    otherScenario: file.original && file.original !== scenario.id ? file.original : null,
  };
  const edits: TranslationEdit[] = [];
  const seen = new Set<string>();
  const declared = scenario.locales.includes(target);
  for (const unit of file.units) {
    const slot = slots.get(unit.id);
    const line = unit.line !== undefined ? { line: unit.line } : {};
    if (!slot) {
      report.unknown.push({ id: unit.id, ...line });
      continue;
    }
    if (seen.has(unit.id)) {
      report.duplicates.push({ id: unit.id, ...line });
      continue;
    }
    seen.add(unit.id);
    const current = stringIn(slot.text, file.sourceLocale);
    if (current !== undefined && current !== unit.source)
      report.stale.push({ id: unit.id, exported: unit.source, current, ...line });
    const before = stringIn(slot.text, target);
    const after = unit.target;
    if (after === undefined || after === '') {
      report.missing.push({ id: unit.id, source: unit.source, inFile: true, ...line });
      continue;
    }
    if (after === before) {
      report.unchanged += 1;
      continue;
    }
    report.changed.push({ id: unit.id, ...(before !== undefined ? { before } : {}), after });
    if (typeof slot.text === 'string') {
      // A plain string stood for every locale: keep it for the others, now that one differs.
      const map: Record<string, string> = {};
      for (const l of scenario.locales) map[l] = slot.text;
      map[target] = after;
      edits.push({ path: slot.path, value: map });
    } else edits.push({ path: [...slot.path, target], value: after });
  }
  for (const [id, slot] of slots) {
    if (seen.has(id) || stringIn(slot.text, target) !== undefined) continue;
    report.missing.push({ id, source: stringIn(slot.text, file.sourceLocale) ?? '', inFile: false });
  }
  if (edits.length > 0 && !declared) {
    report.addedLocale = true;
    edits.unshift({ path: ['locales'], value: [...scenario.locales, target] });
  }
  return { scenario: edits.length > 0 ? applyEdits(scenario, edits) : scenario, edits, report };
}

/** A copy of the scenario with the edits made; the original is left as it was. */
export function applyEdits(scenario: Scenario, edits: readonly TranslationEdit[]): Scenario {
  const copy = structuredClone(scenario);
  for (const { path, value } of edits) {
    let at = copy as unknown as Record<string | number, unknown>;
    for (let i = 0; i < path.length - 1; i += 1) at = at[path[i]!] as Record<string | number, unknown>;
    at[path[path.length - 1]!] = value;
  }
  return copy;
}
