// npm run train:text [-- extra.jsonl …]: trains the free-text classifier on the corpus in
// src/engine/text/corpus (plus any labelled files a company adds) and writes the weights the
// analyzer ships with. Deterministic: the same corpus gives byte-identical weights.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCorpus } from '../src/engine/text/model/corpus';
import { train } from '../src/engine/text/model/train';

const CORPUS = 'src/engine/text/corpus';
const OUT = 'src/engine/text/model/weights.json';

const files = [
  ...readdirSync(CORPUS)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(CORPUS, f)),
  ...process.argv.slice(2).filter((a) => !a.startsWith('--')),
];
let samples;
try {
  samples = files.flatMap((f) => parseCorpus(readFileSync(f, 'utf8'), f));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const started = performance.now();
const model = train(samples);
writeFileSync(OUT, `${JSON.stringify(model)}\n`);
const labels = model.families.zh.length + model.families.en.length;
console.log(
  `trained ${labels} labels on ${samples.length} replies from ${files.length} file(s) in ${Math.round(performance.now() - started)} ms → ${OUT} (${model.version})`,
);
