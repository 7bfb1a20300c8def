import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeReply } from '@/engine/text/analyze-reply';

const FIXTURES = fileURLToPath(new URL('../../fixtures/freetext/', import.meta.url));

export interface Score {
  precision: number;
  recall: number;
  items: number;
  report: string;
}

/** Scores the analyzer with the official evaluate.mjs so the test and the lead's check cannot drift. */
export function scoreFixture(name: string): Score {
  const labelsPath = join(FIXTURES, name);
  const lines = readFileSync(labelsPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const preds = lines.map((line) => {
    const item = JSON.parse(line) as { id: string; locale: string; text: string; position?: 'opening' };
    const { hits } = analyzeReply({ text: item.text, locale: item.locale, position: item.position });
    return JSON.stringify({ id: item.id, hits });
  });
  const predsPath = join(mkdtempSync(join(tmpdir(), 'freetext-')), 'predictions.jsonl');
  writeFileSync(predsPath, `${preds.join('\n')}\n`);
  const report = execFileSync(process.execPath, [join(FIXTURES, 'evaluate.mjs'), labelsPath, predsPath], {
    encoding: 'utf8',
  });
  const last = report.trim().split('\n').at(-1) ?? '';
  const m = /precision ([\d.]+) recall ([\d.]+) items (\d+)/.exec(last);
  if (!m) throw new Error(`unexpected evaluate.mjs output: ${last}`);
  return { precision: Number(m[1]), recall: Number(m[2]), items: Number(m[3]), report };
}
