// Times analyzeReply over the labelled replies; `npm run bench` imports benchText().
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeReply } from '../engine/text/analyze-reply';

const FIXTURES = ['test/fixtures/freetext/dev.jsonl', 'test/fixtures/freetext/holdout.jsonl'];
const MIN_CALLS = 5_000;

interface Reply {
  text: string;
  locale: string;
  position?: 'opening';
}

function loadReplies(): Reply[] {
  const out: Reply[] = [];
  for (const rel of FIXTURES) {
    const path = fileURLToPath(new URL(`../../${rel}`, import.meta.url));
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as { text: string; locale: string; position?: string };
      out.push({
        text: o.text,
        locale: o.locale,
        position: o.position === 'opening' ? 'opening' : undefined,
      });
    }
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

export function benchText(): { medianMs: number; p95Ms: number; replies: number } {
  const replies = loadReplies();
  if (replies.length === 0) return { medianMs: 0, p95Ms: 0, replies: 0 };
  for (const r of replies) analyzeReply(r); // warm the regex caches and JIT
  const times: number[] = [];
  for (let i = 0; times.length < MIN_CALLS; i++) {
    const r = replies[i % replies.length] as Reply;
    const t0 = performance.now();
    analyzeReply(r);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const round = (n: number): number => Math.round(n * 1000) / 1000;
  return {
    medianMs: round(percentile(times, 0.5)),
    p95Ms: round(percentile(times, 0.95)),
    replies: replies.length,
  };
}

/** One 1M-character reply (a pasted wall of text): the analyzer must stay linear on it. */
export function benchHugeReply(): { ms: number; chars: number } {
  const text = '对不起,'.repeat(250_000);
  analyzeReply({ text: text.slice(0, 4_000), locale: 'zh-CN' }); // warm up
  const t0 = performance.now();
  analyzeReply({ text, locale: 'zh-CN' });
  return { ms: Math.round(performance.now() - t0), chars: text.length };
}

/** Characters whose long runs once made some pattern rescan the run from every position. */
export const RUN_CHARS = [
  '十',
  '一',
  '两',
  '1',
  '0',
  'a',
  '!',
  ' ',
  '\n',
  '\u3000',
  '好',
  '您',
  '。',
  '，',
  '.',
  '?',
];
const RUN_LENGTH = 20_000;

function medianOf5(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[2]!;
}

/**
 * 20,000 of one character, for each of RUN_CHARS in both languages: the slowest median of 5, for the
 * whole analysis and for the cue patterns alone (no learned model). A pattern that restarts inside
 * a run is quadratic here: `十` × 20,000 took 2.8 s before its numerals were read from the run's start.
 */
export function benchRuns(): {
  worstMs: number;
  worst: string;
  cuesWorstMs: number;
  cuesWorst: string;
  chars: number;
} {
  const out = { worstMs: 0, worst: '', cuesWorstMs: 0, cuesWorst: '', chars: RUN_LENGTH };
  for (const ch of RUN_CHARS)
    for (const locale of ['zh-CN', 'en']) {
      const text = ch.repeat(RUN_LENGTH);
      const name = `${JSON.stringify(ch)} ${locale}`;
      analyzeReply({ text: text.slice(0, 200), locale }); // warm up
      const all = medianOf5(() => analyzeReply({ text, locale }));
      const cues = medianOf5(() => analyzeReply({ text, locale }, undefined, null));
      if (all > out.worstMs) Object.assign(out, { worstMs: all, worst: name });
      if (cues > out.cuesWorstMs) Object.assign(out, { cuesWorstMs: cues, cuesWorst: name });
    }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = benchText();
  console.log(
    `analyzeReply: median ${r.medianMs} ms, p95 ${r.p95Ms} ms over ${r.replies} replies (${MIN_CALLS} calls)`,
  );
}
