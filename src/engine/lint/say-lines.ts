import type { Comparison, Condition } from '../format/condition';
import type { Rubric } from '../format/rubric-schema';
import type { Scenario, ScenarioResponse } from '../format/scenario-schema';
import { graphOf, incoming } from './graph';

type Path = Array<string | number>;
export interface SayProblem {
  code: 'W_VARIANT_NEVER' | 'W_NO_FALLBACK_VARIANT' | 'W_SAY_ASSUMES';
  message: string;
  path: Path;
  hint?: string;
}

function leaves(c: Condition): Condition[] {
  if ('all' in c) return c.all.flatMap(leaves);
  if ('any' in c) return c.any.flatMap(leaves);
  if ('not' in c) return leaves(c.not);
  return [c];
}

/** A comparison no value in [lo, hi] can satisfy. */
function impossible(c: Comparison, lo: number, hi: number): boolean {
  const min = Math.max(lo, c.gte ?? -Infinity, c.gt !== undefined ? c.gt + 1e-9 : -Infinity);
  const max = Math.min(hi, c.lte ?? Infinity, c.lt !== undefined ? c.lt - 1e-9 : Infinity);
  if (c.eq !== undefined) return c.eq < min || c.eq > max;
  return min > max;
}

/** Why a plain (not negated) leaf can never hold, or null. */
function neverHolds(c: Condition, flags: Set<string>, promises: Set<string>): string | null {
  if ('anger' in c && impossible(c.anger, 0, 100)) return 'anger never reaches that range (0–100)';
  if ('trust' in c && impossible(c.trust, 0, 100)) return 'trust never reaches that range (0–100)';
  if ('turn' in c && impossible(c.turn, 0, 10_000)) return 'no turn number satisfies it';
  if ('flag' in c && !flags.has(c.flag)) return `no response sets flag '${c.flag}'`;
  if ('promise' in c && !promises.has(c.promise.id)) return `no response makes promise '${c.promise.id}'`;
  return null;
}

function isCritical(r: ScenarioResponse, rubric: Rubric): boolean {
  for (const rule in r.rules) if (r.rules[rule]! < 0 && rubric.rules[rule]?.critical) return true;
  return false;
}

/**
 * Lines the customer can never say, and single lines that assume one way in when the node is reached
 * in ways that contradict each other (after a promise and without one; after a critical fault and
 * after none). The author fixes the second with variants or marks it `"sayFits": "any"`.
 */
export function sayProblems(scenario: Scenario, rubric: Rubric): SayProblem[] {
  const out: SayProblem[] = [];
  // The nodes, and the responses that lead into each, from the scenario's one graph.
  const graph = graphOf(scenario);
  const into = incoming(graph);
  const flags = new Set<string>();
  const promises = new Set<string>();
  for (let n = 0; n < graph.nodes.length; n += 1) {
    const responses = graph.nodes[n]!.responses;
    if (!responses) continue;
    for (let i = 0; i < responses.length; i += 1) {
      const r = responses[i]!;
      if (r.set) for (const f of r.set) flags.add(f);
      if (r.promise) promises.add(r.promise.id);
    }
  }
  for (let n = 0; n < graph.ids.length; n += 1) {
    const id = graph.ids[n]!;
    const node = graph.nodes[n]!;
    const say = node.say;
    if (Array.isArray(say)) {
      const fallback = say.findIndex((v) => v.if === undefined);
      say.forEach((v, i) => {
        const path = ['nodes', id, 'say', i];
        if (fallback >= 0 && i > fallback) {
          out.push({
            code: 'W_VARIANT_NEVER',
            message: `variant ${i} comes after an unconditional one`,
            path,
          });
          return;
        }
        if (!v.if || 'not' in v.if || 'any' in v.if) return;
        for (const leaf of leaves(v.if)) {
          const why = neverHolds(leaf, flags, promises);
          if (why) {
            out.push({ code: 'W_VARIANT_NEVER', message: `variant ${i} can never be spoken: ${why}`, path });
            break;
          }
        }
      });
      if (fallback < 0 && node.responses)
        out.push({
          code: 'W_NO_FALLBACK_VARIANT',
          message: 'every variant has a condition: when none holds the customer says nothing',
          path: ['nodes', id, 'say'],
          hint: 'end the list with a variant without "if"',
        });
      continue;
    }
    if (say === undefined || node.sayFits === 'any' || node.ending) continue;
    let from = 0;
    let promising = 0;
    let critical = 0;
    for (let k = into.offsets[n]!; k < into.offsets[n + 1]!; k += 1) {
      const e = into.edges[k]!;
      const which = graph.response[e]!;
      if (which < 0) continue;
      const r = graph.nodes[graph.sources[e]!]!.responses![which]!;
      from += 1;
      if (r.promise) promising += 1;
      if (isCritical(r, rubric)) critical += 1;
    }
    const mixedPromise = promising > 0 && promising < from;
    const mixedCritical = critical > 0 && critical < from;
    if (!mixedPromise && !mixedCritical) continue;
    const reasons: string[] = [];
    if (mixedPromise) reasons.push('after a promise and after none');
    if (mixedCritical) reasons.push('after a critical fault and after none');
    if (reasons.length)
      out.push({
        code: 'W_SAY_ASSUMES',
        message: `one line is spoken whichever way the customer got here (${reasons.join('; ')})`,
        path: ['nodes', id, 'say'],
        hint: 'give the line variants with conditions (flags, promises, mood), or mark "sayFits": "any" when it fits every way in',
      });
  }
  return out;
}
