import { cueProblem } from './cue-safety';
import { enFamilies } from './cues-en';
import { zhFamilies } from './cues-zh';
import type { CueDef, CueSource, Family, LocaleFamilies } from './types';

export interface CompiledCue extends CueDef {
  /** Global copy of `re`, so every occurrence in a sentence can be checked for negation. */
  scan: RegExp;
}

export interface CompiledSet {
  fam: LocaleFamilies;
  cues: CompiledCue[];
}

const BUILTIN: Record<Family, LocaleFamilies> = { zh: zhFamilies, en: enFamilies };

function globalCopy(re: RegExp): RegExp {
  return new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
}

const escapeLiteral = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A company's pattern that is not valid regex is still meant as a phrase, so match it literally. */
export function compileRubricPattern(source: string): RegExp {
  try {
    return new RegExp(source, 'gi');
  } catch {
    return new RegExp(escapeLiteral(source), 'gi');
  }
}

/** The rubric schema's limit on one cue pattern. */
const MAX_CUE_CHARS = 400;

function rubricCues(rubric: CueSource, family: Family): CompiledCue[] {
  const out: CompiledCue[] = [];
  const rules =
    rubric && typeof rubric === 'object' && rubric.rules && typeof rubric.rules === 'object'
      ? rubric.rules
      : {};
  for (const [rule, def] of Object.entries(rules)) {
    const byLocale = def && typeof def === 'object' ? def.cues : undefined;
    if (!byLocale || typeof byLocale !== 'object') continue;
    for (const [locale, lists] of Object.entries(byLocale)) {
      if (localeFamily(locale) !== family || !lists || typeof lists !== 'object') continue;
      for (const verdict of ['met', 'violated'] as const) {
        const sources = lists[verdict];
        if (!Array.isArray(sources)) continue;
        for (const src of sources) {
          if (typeof src !== 'string' || src.length === 0 || src.length > MAX_CUE_CHARS) continue;
          // `validate` refuses a cue that can backtrack catastrophically (E_UNSAFE_CUE); one that
          // reached the analyzer anyway is skipped rather than allowed to stall a reply.
          if (cueProblem(src)) continue;
          const re = compileRubricPattern(src);
          out.push({ rule, verdict, name: 'company cue', re, scan: re });
        }
      }
    }
  }
  return out;
}

export function localeFamily(locale: string): Family {
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

const builtinSets = new Map<Family, CompiledSet>();
const rubricSets = new WeakMap<object, Map<Family, CompiledSet>>();

function builtinSet(family: Family): CompiledSet {
  let set = builtinSets.get(family);
  if (!set) {
    const fam = BUILTIN[family];
    set = { fam, cues: fam.cues.map((cue) => ({ ...cue, scan: globalCopy(cue.re) })) };
    builtinSets.set(family, set);
  }
  return set;
}

/** Compiles once per rubric object and family; the analyzer runs on every keystroke-sized reply. */
export function compiledFor(family: Family, rubric?: CueSource): CompiledSet {
  const base = builtinSet(family);
  if (!rubric || typeof rubric !== 'object') return base;
  let byFamily = rubricSets.get(rubric);
  if (!byFamily) {
    byFamily = new Map();
    rubricSets.set(rubric, byFamily);
  }
  let set = byFamily.get(family);
  if (!set) {
    const extra = rubricCues(rubric, family);
    set = extra.length ? { fam: base.fam, cues: [...base.cues, ...extra] } : base;
    byFamily.set(family, set);
  }
  return set;
}
