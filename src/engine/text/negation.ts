import type { Family, LocaleFamilies } from './types';

// Question forms (是不是, 有没有…) and the intensifier 非常 contain negator characters but do not negate.
const ZH_FALSE_NEGATORS = /非常|是不是|有没有|会不会|能不能|可不可以|是否|不好意思|对不起/g;

/**
 * True when a negator sits just before `at` inside the same clause, e.g. "不是您的错" or
 * "I can't guarantee": the cue's meaning is reversed, so it must not fire.
 */
export function isNegated(
  clauseText: string,
  offsetInClause: number,
  family: Family,
  fam: LocaleFamilies,
): boolean {
  const from = Math.max(0, offsetInClause - fam.negWindow);
  let window = clauseText.slice(from, offsetInClause);
  if (family === 'zh') window = window.replace(ZH_FALSE_NEGATORS, '');
  return fam.negator.test(window);
}
