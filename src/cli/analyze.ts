// Batch analyzer: one JSON line in ({id, locale, text, position?}), one {"id", "hits"} line out.
import { existsSync, readFileSync } from 'node:fs';
import { analyzeReply, type CueSource } from '../engine/text/analyze-reply';
import { cueProblem } from '../engine/text/cue-safety';

const DEFAULT_RUBRIC = 'scenarios/rubrics/default.json';

function argValue(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

function isCueSource(v: unknown): v is CueSource {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { rules?: unknown }).rules === 'object' &&
    (v as { rules?: unknown }).rules !== null
  );
}

/** A file's text, without the UTF-8 byte-order mark some editors write (the app's file reader drops it too). */
function readText(path: string): string {
  const text = readFileSync(path, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Says which company cues the analyzer will skip because they could stall it (`validate` refuses them). */
function warnUnsafeCues(rubric: CueSource, file: string): void {
  for (const [rule, def] of Object.entries(rubric.rules)) {
    const byLocale = def && typeof def === 'object' ? def.cues : undefined;
    if (!byLocale || typeof byLocale !== 'object') continue;
    for (const [locale, lists] of Object.entries(byLocale))
      for (const verdict of ['met', 'violated'] as const) {
        const sources: unknown = lists && typeof lists === 'object' ? lists[verdict] : undefined;
        if (!Array.isArray(sources)) continue;
        for (const source of sources) {
          const problem = typeof source === 'string' ? cueProblem(source) : null;
          if (problem)
            process.stderr.write(
              `${file}: skipping the cue ${JSON.stringify(source)} of ${rule} (${locale}, ${verdict}): ${problem.reason}\n`,
            );
        }
      }
  }
}

function loadRubric(path: string | undefined): CueSource | undefined {
  const explicit = path !== undefined;
  const file = path ?? DEFAULT_RUBRIC;
  if (!existsSync(file)) {
    if (explicit) process.stderr.write(`rubric not found: ${file}\n`);
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(readText(file));
    if (isCueSource(parsed)) {
      warnUnsafeCues(parsed, file);
      return parsed;
    }
    if (explicit) process.stderr.write(`rubric has no "rules" object: ${file}\n`);
  } catch (err) {
    if (explicit) process.stderr.write(`rubric unreadable: ${file}: ${(err as Error).message}\n`);
  }
  return undefined;
}

function main(): number {
  const args = process.argv.slice(2);
  const input = argValue(args, '--jsonl');
  if (!input) {
    process.stderr.write('usage: analyze --jsonl FILE [--rubric FILE]\n');
    return 2;
  }
  let content: string;
  try {
    content = readText(input);
  } catch (err) {
    process.stderr.write(`cannot read ${input}: ${(err as Error).message}\n`);
    return 2;
  }
  const rubric = loadRubric(argValue(args, '--rubric'));
  let bad = 0;
  const out: string[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const item: unknown = JSON.parse(line);
      if (typeof item !== 'object' || item === null) throw new Error('not an object');
      const { id, locale, text, position } = item as Record<string, unknown>;
      if (typeof text !== 'string') throw new Error('"text" must be a string');
      const analysis = analyzeReply(
        {
          text,
          locale: typeof locale === 'string' ? locale : 'en',
          position: position === 'opening' ? 'opening' : undefined,
        },
        rubric,
      );
      out.push(JSON.stringify({ id: id ?? null, hits: analysis.hits }));
    } catch (err) {
      bad += 1;
      process.stderr.write(`${input}:${i + 1}: ${(err as Error).message}\n`);
    }
  });
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
  return bad ? 1 : 0;
}

process.exitCode = main();
