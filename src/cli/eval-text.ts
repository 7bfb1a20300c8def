// npm run eval:text: how well the free-text analyzer reads replies it was not trained on.
// 1. Grouped 5-fold cross-validation on the corpus (paraphrases of one sentence share a fold).
// 2. The labelled sets in test/fixtures/freetext, read by the shipped model.
// Prints precision and recall per rule and overall, for the cues alone, the model alone and both.
// --disagree <rule>: lists the corpus replies where the out-of-fold reading and the label differ on
// that rule, for a labeller to judge against the rule's definition (see corpus/RELABEL-LOG.md).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeReply, LEARNED_CUE } from '../engine/text/analyze-reply';
import { loadModel, type LoadedModel } from '../engine/text/model/classifier';
import { parseCorpus } from '../engine/text/model/corpus';
import { defaultModel } from '../engine/text/model/default-model';
import { ratios, scoreSet, type Tally } from '../engine/text/model/score-set';
import { train, type LabelledReply } from '../engine/text/model/train';

const CORPUS = 'src/engine/text/corpus';
const SETS = 'test/fixtures/freetext';
const FOLDS = 5;
const perRuleWanted = process.argv.includes('--per-rule');
const disagreeAt = process.argv.indexOf('--disagree');
const disagreeRule = disagreeAt >= 0 ? process.argv[disagreeAt + 1] : undefined;

const read = (dir: string, file: string) =>
  parseCorpus(readFileSync(join(dir, file), 'utf8'), join(dir, file));
const corpus = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) => read(CORPUS, f));

function foldOf(item: LabelledReply): number {
  const key = item.group ?? item.id;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % FOLDS;
}

type Mode = 'cues' | 'model' | 'both';
function read1(item: LabelledReply, model: LoadedModel | null, mode: Mode): Record<string, string> {
  const input = {
    text: item.text,
    locale: item.locale,
    ...(item.position ? { position: item.position } : {}),
  };
  const analysis = analyzeReply(input, undefined, mode === 'cues' ? null : model);
  if (mode !== 'model') return analysis.hits;
  return Object.fromEntries(
    analysis.evidence.filter((e) => e.cue === LEARNED_CUE).map((e) => [e.rule, e.verdict]),
  );
}

function line(name: string, s: { precision: number; recall: number }, n: number) {
  console.log(
    `${name.padEnd(34)} precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} items ${n}`,
  );
}

function printPerRule(perRule: Map<string, Tally>) {
  for (const [rule, t] of [...perRule].sort()) {
    const r = ratios(t);
    console.log(
      `  ${rule.padEnd(32)} precision ${r.precision.toFixed(2)} recall ${r.recall.toFixed(2)} (tp ${t.tp} fp ${t.fp} fn ${t.fn})`,
    );
  }
}

console.log(`grouped ${FOLDS}-fold cross-validation on ${corpus.length} corpus replies`);
const predictions: Record<Mode, Map<string, Record<string, string>>> = {
  cues: new Map(),
  model: new Map(),
  both: new Map(),
};
for (let fold = 0; fold < FOLDS; fold += 1) {
  const model = loadModel(train(corpus.filter((c) => foldOf(c) !== fold)));
  for (const item of corpus.filter((c) => foldOf(c) === fold))
    for (const mode of ['cues', 'model', 'both'] as const)
      predictions[mode].set(item.id, read1(item, model, mode));
}
for (const mode of ['cues', 'model', 'both'] as const) {
  const s = scoreSet(corpus, predictions[mode]);
  line(`cv ${mode}`, s, corpus.length);
  if (perRuleWanted && mode === 'both') printPerRule(s.perRule);
}

if (disagreeRule) {
  console.log(`out-of-fold disagreements on ${disagreeRule} (label absent: +, label missed: -)`);
  for (const item of corpus) {
    if ((item.ignore ?? []).includes(disagreeRule)) continue;
    const want = item.labels[disagreeRule];
    const have = predictions.both.get(item.id)?.[disagreeRule];
    if (want === have) continue;
    const sign = have && !want ? '+' : want && !have ? '-' : '±';
    console.log(`  ${sign} ${item.id} ${JSON.stringify(item.labels)} ${item.text}`);
  }
}

console.log('labelled sets, read by the shipped model and cues');
const shipped = defaultModel();
for (const file of readdirSync(SETS)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()) {
  const items = read(SETS, file);
  const hits = new Map(items.map((i) => [i.id, read1(i, shipped, 'both')]));
  const s = scoreSet(items, hits);
  line(file, s, items.length);
  if (perRuleWanted) printPerRule(s.perRule);
}
