/**
 * The product's words in Chinese, one term for each idea, so a trainee's 复盘 and a manager's 成绩查看
 * never swap and a 情景 is not also a 场景. Translators: use `zh`; never a word in `avoid`
 * (test/state/glossary.test.ts checks every zh-CN string).
 */
export const GLOSSARY = [
  { en: 'scenario', zh: '情景', avoid: ['场景'] },
  { en: 'attempt', zh: '练习', avoid: ['尝试'] },
  { en: 'trainee', zh: '学员', avoid: ['受训者', '受训人员'] },
  { en: 'manager', zh: '主管', avoid: ['经理'] },
  { en: 'trainer', zh: '培训师', avoid: ['讲师'] },
  { en: 'rubric', zh: '评分标准', avoid: ['评分规则', '量规'] },
  { en: 'critical violation', zh: '严重违规', avoid: ['关键违规', '致命错误'] },
  { en: 'debrief (the trainee’s page)', zh: '复盘', avoid: [] },
  { en: 'Review (the manager’s page)', zh: '成绩查看', avoid: ['成绩复盘'] },
  { en: 'pass mark', zh: '及格线', avoid: ['合格线', '通过线'] },
] as const;

/** Phrases where an avoided word means something else (上次尝试: the last try to reach an LRS). */
export const GLOSSARY_EXCEPTIONS: readonly string[] = ['上次尝试'];
