import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRubric } from '@/engine/load/load-rubric';
import { compiledFor } from '@/engine/text/compile';
import { cueProblem } from '@/engine/text/cue-safety';
import { enFamilies } from '@/engine/text/cues-en';
import { zhFamilies } from '@/engine/text/cues-zh';
import type { CueSource } from '@/engine/text/types';

// Patterns that backtrack catastrophically (exponential or high-degree polynomial) or rescan a long
// reply from every position. Each is refused with the part at fault.
const UNSAFE: Array<[pattern: string, part: string]> = [
  ['(a+)+$', '(a+)+'],
  ['(a+)+', '(a+)+'],
  ['^(a+)+$', '(a+)+'],
  ['(a*)*b', '(a*)*'],
  ['(.*)*', '(.*)*'],
  ['(.*?)*x', '(.*?)*'],
  ['(a|a)*', '(a|a)*'],
  ['(a|ab)*c', '(a|ab)*'],
  ['(\\w|\\d)+$', '(\\w|\\d)+'],
  ['(x+x+)+y', '(x+x+)+'],
  ['((ab)*)+c', '((ab)*)+'],
  ['(?:a?)+b', '(?:a?)+'],
  ['(a{1,10}){10}', '(a{1,10}){10}'],
  ['([a-z]+)*=', '([a-z]+)*'],
  ['(\\s*,\\s*)*x', '(\\s*,\\s*)*'],
  ['(\\w+\\s?)+$', '(\\w+\\s?)+'],
  ['.*.*x', '.*….*'],
  ['\\d+\\d*x', '\\d+…\\d*'],
  ['.*a.*x', '.*….*'],
  ['(?<=a+)b', '(?<=a+)b'],
  // Quadratic: the match may begin anywhere inside a long run and rescans it each time.
  ['.*退款', '.*'],
  ['\\d+元', '\\d+'],
  ['(?:您|你)[^。]*吗', '[^。]*'],
  ['(?:ab|cd)+x', '(?:ab|cd)+'],
  ['(?:.*退款|换货)', '.*'],
];

const SAFE = [
  '退款',
  '这得问总部',
  '抱歉|对不起',
  '(?:非常|十分)?抱歉',
  '我(?:会|来|现在)+处理',
  '(?<!\\d)\\d+元',
  '\\d{1,6}元',
  '请.{0,20}稍等',
  '[a-z]+',
  '退款.*',
  '^.*退款',
  'sorry (?:for|about) the (?:wait|delay)',
  '\\bwe\\s+will\\b',
  '\\b\\w+ly\\b',
  '(?:\\w+ ){0,3}team',
  'please (?:hold|wait)(?: on)?(?: a (?:moment|minute|second))?',
  // Not valid regex: the analyzer matches these as literal text, which is always safe.
  'ask (head office',
  '[',
];

describe('cue safety check', () => {
  it.each(UNSAFE)('refuses %s, pointing at %s', (pattern, part) => {
    const problem = cueProblem(pattern);
    expect(problem).not.toBeNull();
    expect(problem!.part).toBe(part);
    expect(pattern.slice(problem!.offset)).toMatch(/./);
    expect(problem!.reason.length).toBeGreaterThan(20);
  });

  it.each(SAFE)('accepts %s', (pattern) => {
    expect(cueProblem(pattern)).toBeNull();
  });

  it('refuses a pattern with more than 20 repeats', () => {
    expect(cueProblem(Array.from({ length: 21 }, (_, i) => `w${i}\\s+`).join('|'))?.reason).toMatch(
      /21 repeats/,
    );
  });

  // The built-in cues run on every reply too, so they meet the same bar: this is what keeps the
  // analyzer linear without timing it (the speed itself is an `npm run bench` figure).
  it('passes every built-in cue and structural pattern of both languages', () => {
    const unsafe: string[] = [];
    for (const [family, fam] of [
      ['zh', zhFamilies],
      ['en', enFamilies],
    ] as const) {
      for (const cue of fam.cues) {
        const problem = cueProblem(cue.re.source);
        if (problem) unsafe.push(`${family} ${cue.rule} (${cue.name}): ${problem.part}`);
      }
      for (const [name, value] of Object.entries(fam))
        if (value instanceof RegExp && cueProblem(value.source))
          unsafe.push(`${family} ${name}: ${cueProblem(value.source)!.part}`);
    }
    expect(unsafe).toEqual([]);
  });

  it('would have caught the quadratic run of Chinese numerals in the commitment time pattern', () => {
    // The pattern before the fix: a match could start on any numeral of a run and rescan the rest.
    expect(cueProblem('(?<![第这那有差快慢早晚])[0-9一二三四五六七八九十两]+(?:点|时)')?.part).toBe(
      '[0-9一二三四五六七八九十两]+',
    );
    expect(
      cueProblem('(?<![第这那有差快慢早晚0-9一二三四五六七八九十两])[0-9一二三四五六七八九十两]+(?:点|时)'),
    ).toBeNull();
  });
});

describe('unsafe company cues', () => {
  const base = JSON.parse(readFileSync('scenarios/rubrics/default.json', 'utf8')) as {
    rules: Record<string, Record<string, unknown>>;
  };
  const withCues = (cues: Record<string, { met?: string[]; violated?: string[] }>) => {
    const doc = structuredClone(base);
    doc.rules['etiquette.no-dismissal']!.cues = cues;
    return JSON.stringify(doc, null, 2);
  };

  it('are refused by the rubric loader with E_UNSAFE_CUE at the part of the pattern at fault', () => {
    const text = withCues({ en: { violated: ['ask head office', 'x(a+)+$'] } });
    const loaded = loadRubric(text);
    expect(loaded.ok).toBe(false);
    const found = loaded.diagnostics.filter((d) => d.code === 'E_UNSAFE_CUE');
    expect(found).toHaveLength(1);
    const d = found[0]!;
    expect(d.severity).toBe('error');
    expect(d.path).toBe('/rules/etiquette.no-dismissal/cues/en/violated/1');
    expect(d.message).toContain('x(a+)+$');
    expect(d.hint).toContain('(a+)+');
    // Line and column of "(a+)+" inside the string in the file.
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"x(a+)+$"')) + 1;
    expect(d.line).toBe(line);
    expect(d.column).toBe(lines[line - 1]!.indexOf('(a+)+') + 1);
  });

  it('are located past JSON escapes in the string', () => {
    const text = withCues({ 'zh-CN': { met: ['\\d+元'] } });
    const d = loadRubric(text).diagnostics.find((x) => x.code === 'E_UNSAFE_CUE')!;
    const lines = text.split('\n');
    expect(d.line).toBe(lines.findIndex((l) => l.includes('元')) + 1);
    expect(lines[d.line! - 1]!.slice(d.column! - 1)).toMatch(/^\\\\d\+元/);
  });

  it('leave a rubric with only safe cues loading as before', () => {
    const loaded = loadRubric(withCues({ en: { violated: ['ask head office', '(?<!\\d)\\d+ days?'] } }));
    expect(loaded.ok).toBe(true);
    expect(loaded.diagnostics.filter((d) => d.code === 'E_UNSAFE_CUE')).toEqual([]);
  });

  it('are skipped by the analyzer when a rubric was never validated', () => {
    const rubric: CueSource = {
      rules: { 'etiquette.no-dismissal': { cues: { en: { violated: ['(a+)+$', 'ask head office'] } } } },
    };
    const sources = compiledFor('en', rubric)
      .cues.filter((c) => c.name === 'company cue')
      .map((c) => c.re.source);
    expect(sources).toEqual(['ask head office']);
  });
});
