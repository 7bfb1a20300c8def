import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '@/engine/format/scenario-schema';
import { readCsv, writeCsv } from '@/engine/i18n-export/csv';
import { editJsonText } from '@/engine/i18n-export/edit-json-text';
import {
  exportTranslation,
  importTranslation,
  type TranslationFile,
} from '@/engine/i18n-export/translation-units';
import { readXliff, writeXliff } from '@/engine/i18n-export/xliff';
import { fakeScenario } from '../../fakes/scenario';

const FORMATS = {
  xliff: { write: writeXliff, read: readXliff },
  csv: { write: writeCsv, read: readCsv },
} as const;

function readBack(format: keyof typeof FORMATS, file: TranslationFile): TranslationFile {
  const read = FORMATS[format].read(FORMATS[format].write(file));
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.file;
}

/** Every string leaf of a JSON value by pointer: what a diff of the file would show. */
function leaves(value: unknown, at = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) leaves(v, `${at}/${k}`, out);
  else out.set(at, value);
  return out;
}

function changedLeaves(before: unknown, after: unknown): string[] {
  const a = leaves(before);
  const b = leaves(after);
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).sort();
}

// Scenario text is data: markup characters, quotes, CJK, emoji, white space at the ends, line breaks.
const tricky = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  fc.constantFrom(
    '<b>&amp;</b>',
    '"quoted" & \'single\'',
    ']]>',
    '您好，请问🙂有什么可以帮您？',
    ' a\r\nb\t ',
    '&#13;',
    // What XML 1.0 cannot carry (XLIFF writes <cp hex=".."/>) and what a spreadsheet runs as a formula.
    'bell\u0007 and unit\u001f separator',
    '\u0000',
    '=HYPERLINK("http://x","y")',
    "'=already quoted",
    '+86 138',
    '-10%',
    '@SUM(A1)',
  ),
);

describe.each(['xliff', 'csv'] as const)('the translation round trip through %s', (format) => {
  it('changes nothing when the export comes back unedited', () => {
    const scenario = fakeScenario();
    const file = exportTranslation(scenario, 'en');
    expect(file.sourceLocale).toBe('zh-CN');
    expect(file.units.length).toBeGreaterThan(15);
    const result = importTranslation(scenario, readBack(format, file));
    expect(result.scenario).toBe(scenario);
    expect(result.edits).toEqual([]);
    expect(result.report).toMatchObject({ changed: [], missing: [], unknown: [], stale: [], duplicates: [] });
    expect(result.report.unchanged).toBe(file.units.length);
  });

  it('changes exactly the edited strings, in the object and in the JSON text', () => {
    const scenario = fakeScenario();
    const file = exportTranslation(scenario, 'en');
    const n = file.units.length;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(n - 1), { maxLength: n }),
        fc.array(tricky, { minLength: n, maxLength: n }),
        (picked, values) => {
          const edited: TranslationFile = { ...file, units: file.units.map((u) => ({ ...u })) };
          const expected: string[] = [];
          for (const i of picked) {
            const unit = edited.units[i]!;
            if (values[i] === unit.target) continue;
            unit.target = values[i]!;
            expected.push(`${unit.id}/en`);
          }
          const result = importTranslation(scenario, readBack(format, edited));
          expect(changedLeaves(scenario, result.scenario)).toEqual(expected.sort());
          for (const id of expected) expect(result.report.changed.map((c) => `${c.id}/en`)).toContain(id);
          expect(result.report.changed).toHaveLength(expected.length);
          // The same edits made in the file's text: only those strings differ once it is parsed.
          const text = editJsonText(JSON.stringify(scenario, null, 2), result.edits);
          expect(JSON.parse(text)).toEqual(result.scenario);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('files a translator opens', () => {
  const file: TranslationFile = {
    original: 's',
    sourceLocale: 'zh-CN',
    targetLocale: 'en',
    units: [{ id: '/brief', source: '=1+1', target: 'ctrl\u0001char' }],
  };

  it('never hand a spreadsheet a formula: such cells start with an apostrophe', () => {
    const csv = writeCsv(file);
    expect(csv).toContain("/brief,'=1+1,ctrl\u0001char");
    expect(readBack('csv', file).units[0]).toMatchObject({ source: '=1+1', target: 'ctrl\u0001char' });
  });

  it('write characters XML cannot hold as XLIFF <cp> elements, read back as the characters', () => {
    const xliff = writeXliff(file);
    expect(xliff).toContain('ctrl<cp hex="0001"/>char');
    expect(xliff).not.toContain('\u0001');
    expect(readBack('xliff', file).units[0]!.target).toBe('ctrl\u0001char');
  });
});

describe('importing a translation', () => {
  it('reports missing, unknown, stale and duplicate units, with their lines', () => {
    const scenario = fakeScenario();
    // Not yet in English, and left out of the file: missing, though not from the file.
    scenario.customer.name = { 'zh-CN': '李女士' };
    const file = exportTranslation(scenario, 'en');
    const [first, second, third, ...rest] = file.units;
    expect(third!.id).toBe('/customer/name');
    const edited: TranslationFile = {
      ...file,
      units: [
        { ...first!, target: '' },
        { ...second!, source: 'an older source', target: 'New brief' },
        { ...second!, target: 'Another brief' },
        { id: '/nodes/gone/say', source: '走了', target: 'Gone' },
        ...rest,
      ],
    };
    const { report } = importTranslation(scenario, readBack('xliff', edited));
    expect(report.missing.map((m) => [m.id, m.inFile])).toEqual([
      [first!.id, true],
      [third!.id, false],
    ]);
    expect(report.unknown.map((u) => u.id)).toEqual(['/nodes/gone/say']);
    expect(report.unknown[0]!.line).toBeGreaterThan(1);
    expect(report.stale.map((s) => s.id)).toEqual([second!.id]);
    expect(report.duplicates.map((d) => d.id)).toEqual([second!.id]);
    expect(report.changed).toEqual([{ id: second!.id, before: second!.target, after: 'New brief' }]);
  });

  it('adds a new target locale to `locales` and keeps a plain string for the other locales', () => {
    const scenario: Scenario = fakeScenario();
    scenario.nodes.opening!.note = '(sighs)';
    const file = exportTranslation(scenario, 'fr');
    expect(file.units.find((u) => u.id === '/nodes/opening/note')).toMatchObject({ target: '(sighs)' });
    expect(file.units.find((u) => u.id === '/title')!.target).toBeUndefined();
    const title = file.units.find((u) => u.id === '/title')!;
    title.target = 'Le colis en retard';
    file.units.find((u) => u.id === '/nodes/opening/note')!.target = '(soupire)';
    const result = importTranslation(scenario, readBack('xliff', file));
    expect(result.report.addedLocale).toBe(true);
    expect(result.scenario.locales).toEqual(['en', 'zh-CN', 'fr']);
    expect(result.scenario.title).toEqual({ ...(scenario.title as object), fr: 'Le colis en retard' });
    expect(result.scenario.nodes.opening!.note).toEqual({
      en: '(sighs)',
      'zh-CN': '(sighs)',
      fr: '(soupire)',
    });
    expect(result.report.missing.length).toBe(file.units.length - 2);
    expect(scenario.locales).toEqual(['en', 'zh-CN']);
  });

  it('notices a file made for another scenario', () => {
    const scenario = fakeScenario();
    const file = { ...exportTranslation(scenario, 'en'), original: 'other-call' };
    expect(importTranslation(scenario, readBack('csv', file)).report.otherScenario).toBe('other-call');
  });
});
