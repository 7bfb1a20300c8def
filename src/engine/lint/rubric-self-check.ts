import type { Rubric } from '../format/rubric-schema';
import type { Scenario } from '../format/scenario-schema';
import { diag, toPointer, type Diagnostic } from '../load/diagnostic';
import { analyzeReply } from '../text/analyze-reply';
import type { ReplyAnalysis, ReplyInput } from '../text/types';

/** An authored answer whose words read as breaking a rule that its tags do not say it breaks. */
export interface TagContradiction {
  /** JSON path of the text in one locale: ['nodes', id, 'responses', i, 'text', locale]. */
  path: Array<string | number>;
  pointer: string;
  node: string;
  response: string;
  locale: string;
  rule: string;
  /** The response's tag for the rule: absent, or positive (it claims the rule is met). */
  tag: number | null;
  /** The words that drove the verdict, as written, and the cue family that matched them. */
  words: string[];
  cues: string[];
  message: string;
}

type Analyze = (input: ReplyInput, rubric: Rubric) => ReplyAnalysis;

/**
 * The rubric self-check: reads every authored answer, in every locale, with the free-text analyser
 * a trainee's typed reply goes through, and flags words that read as breaking a rubric rule (say
 * "不归我管", a brush-off) when the response's tags do not mark that rule as broken. Such an answer
 * would be scored one way when chosen and the other way when typed. A tag the text is merely silent
 * about is not flagged: a tag may describe what the answer does rather than the words it uses.
 *
 * Too slow for lint's budget (it runs the analyser's model on each text): the validator runs it as
 * its own section, and the Author view in its worker.
 */
export function rubricSelfCheck(
  scenario: Scenario,
  rubric: Rubric,
  analyze: Analyze = (input, r) => analyzeReply(input, r),
): TagContradiction[] {
  const out: TagContradiction[] = [];
  for (const node of Object.keys(scenario.nodes)) {
    const responses = scenario.nodes[node]!.responses ?? [];
    responses.forEach((r, i) => {
      const texts: Array<[string, string]> =
        typeof r.text === 'string' ? [[scenario.locales[0] ?? 'en', r.text]] : Object.entries(r.text);
      for (const [locale, text] of texts) {
        const reading = analyze({ text, locale }, rubric);
        for (const rule in reading.hits) {
          if (reading.hits[rule] !== 'violated' || !rubric.rules[rule]) continue;
          const tag = r.rules?.[rule] ?? null;
          if (tag !== null && tag < 0) continue;
          const evidence = reading.evidence.filter((e) => e.rule === rule && e.verdict === 'violated');
          const words = evidence.map((e) => e.quote);
          const path = [
            'nodes',
            node,
            'responses',
            i,
            'text',
            ...(typeof r.text === 'string' ? [] : [locale]),
          ];
          out.push({
            path,
            pointer: toPointer(path),
            node,
            response: r.id,
            locale,
            rule,
            tag,
            words,
            cues: [...new Set(evidence.map((e) => e.cue))],
            message:
              `response '${r.id}' reads as breaking '${rule}' (${words.map((w) => `"${w}"`).join(', ') || 'the learned model'}) ` +
              (tag === null ? 'but does not tag it' : `but tags it +${tag}`),
          });
        }
      }
    });
  }
  return out;
}

/**
 * The findings as info diagnostics (I_TAG_CONTRADICTION) for a problems list; the caller locates
 * them (SourceMap.locateMany on each finding's `path`). Info, not warnings: the analyser can misread
 * an authored line, so these ask the author to look rather than say something is wrong.
 */
export function selfCheckDiagnostics(found: readonly TagContradiction[]): Diagnostic[] {
  return found.map((f) =>
    diag(
      'I_TAG_CONTRADICTION',
      f.message,
      f.pointer,
      null,
      `tag "${f.rule}" negative if the words are meant, or reword the answer`,
    ),
  );
}
