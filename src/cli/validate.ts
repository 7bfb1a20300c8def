// npm run validate -- <file or folder>…  — loads, validates and lints scenarios (and rubrics).
// Prints `path:line:col severity code message` per diagnostic and a summary per file; exit 1 on any error.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { PRINCIPLES } from '../engine/format/ids';
import type { Rubric } from '../engine/format/rubric-schema';
import type { Diagnostic } from '../engine/load/diagnostic';
import { loadRubric } from '../engine/load/load-rubric';
import { loadScenario } from '../engine/load/load-scenario';
import { lintScenario, type LintReport } from '../engine/lint/lint-scenario';
import { defensibleDecisions, tells, type Tells } from '../engine/lint/guessability';
import { rubricSelfCheck, type TagContradiction } from '../engine/lint/rubric-self-check';
import type { SourceMap } from '../engine/load/source-map';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const quiet = process.argv.includes('--quiet');
if (args.length === 0) {
  console.error('usage: npm run validate -- <scenario.json or folder>…');
  process.exit(2);
}

const files = args.flatMap((a) => collect(a));
let errors = 0;
let warnings = 0;
const rubricCache = new Map<string, { rubric: Rubric } | { problem: string }>();
const libraryTells: Tells[] = [];

for (const file of files) {
  const shown = relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = readText(file);
  } catch (error) {
    console.log(`${shown}:1:1 error E_READ ${(error as Error).message}`);
    errors += 1;
    continue;
  }
  if (isRubricFile(file, text)) {
    const loaded = loadRubric(text);
    print(shown, loaded.diagnostics);
    if (loaded.ok)
      console.log(
        `${shown}: rubric '${loaded.rubric.id}' v${loaded.rubric.version}, ${Object.keys(loaded.rubric.rules).length} rules, pass mark ${loaded.rubric.passMark}`,
      );
    continue;
  }
  const loaded = loadScenario(text);
  if (!loaded.ok) {
    print(shown, loaded.diagnostics);
    console.log(`${shown}: invalid`);
    continue;
  }
  const rubric = findRubric(file, loaded.scenario.rubric);
  if ('problem' in rubric) {
    print(shown, loaded.diagnostics);
    console.log(`${shown}:1:1 error E_RUBRIC ${rubric.problem}`);
    errors += 1;
    continue;
  }
  const report = lintScenario(loaded.scenario, rubric.rubric, {
    sourceMap: loaded.sourceMap,
    checklist: true,
  });
  print(shown, [...loaded.diagnostics, ...report.diagnostics]);
  console.log(summary(shown, report));
  if (!quiet) {
    console.log(`${shown}: guessing ${strategyLine(report)}`);
    const curve = report.best?.result.moodCurve ?? [];
    console.log(
      `${shown}: best path anger/trust by turn: ${curve.map((m) => `${Math.round(m.anger)}/${Math.round(m.trust)}`).join(' ')}`,
    );
    const twoWay = defensibleDecisions(loaded.scenario, rubric.rubric);
    console.log(
      `${shown}: decisions on the best path with two clean passing responses: ${twoWay.length} [${twoWay.join(', ')}]`,
    );
    printSelfCheck(shown, rubricSelfCheck(loaded.scenario, rubric.rubric), loaded.sourceMap);
  }
  libraryTells.push(tells(loaded.scenario, rubric.rubric));
}
if (libraryTells.length > 1) printTells(libraryTells);
console.log(`${files.length} file(s): ${errors} error(s), ${warnings} warning(s)`);
process.exit(errors > 0 ? 1 : 0);

function print(shown: string, diagnostics: readonly Diagnostic[]) {
  for (const d of diagnostics) {
    if (d.severity === 'error') errors += 1;
    if (d.severity === 'warning') warnings += 1;
    if (quiet && d.severity === 'info') continue;
    const where = `${shown}:${d.line ?? 1}:${d.column ?? 1}`;
    const hint = d.hint ? ` (${d.hint})` : '';
    console.log(`${where} ${d.severity} ${d.code} ${d.message}${hint}${d.path ? ` at ${d.path}` : ''}`);
  }
}

/**
 * The rubric self-check (src/engine/lint/rubric-self-check.ts): answers whose words the free-text
 * analyser reads as breaking a rule they do not tag. Not counted as warnings (the analyser can misread
 * an authored line, and CI must not fail on it) and left out with --quiet, like the lines above.
 */
function printSelfCheck(shown: string, found: TagContradiction[], sourceMap: SourceMap | null) {
  console.log(
    `${shown}: rubric self-check: ${found.length} answer text(s) read as breaking a rule they do not tag`,
  );
  const where = sourceMap?.locateMany(found.map((f) => f.path));
  found.forEach((f, i) => {
    const at = where?.[i];
    const source = f.cues.length > 0 ? ` [${f.cues.join(', ')}]` : '';
    console.log(
      `${shown}:${at?.line ?? 1}:${at?.column ?? 1} self-check ${f.message}${source} at ${f.pointer}`,
    );
  });
}

function summary(shown: string, r: LintReport): string {
  const per = PRINCIPLES.map(
    (p) => `${p} ${r.bounds.principles[p].best ?? '-'}/${r.bounds.principles[p].worst ?? '-'}`,
  ).join(', ');
  const verdict = (x: LintReport['best']) =>
    x ? `${x.result.overall} ${x.result.passed ? 'pass' : 'fail'} (${x.result.outcome})` : '-';
  return (
    `${shown}: ${r.stats.nodes} nodes, ${r.stats.decisions} decisions, best path ${r.stats.bestPathDecisions} decisions, ` +
    `${r.stats.endings} endings [${r.stats.outcomes.join(', ')}], ${r.stats.pathsCounted ? '' : 'over '}${r.stats.paths} paths${r.bounds.exact ? '' : ' (bounds approximate)'}; ` +
    `best ${verdict(r.best)}, worst ${verdict(r.worst)}; best/worst per principle: ${per}`
  );
}

function strategyLine(r: LintReport): string {
  return r.strategies
    .map((s) => {
      const name = s.locale ? `${s.strategy} ${s.locale}` : s.strategy;
      const rate = s.passRate !== undefined ? ` ${Math.round(s.passRate * 100)}% pass` : '';
      return `${name} ${s.overall}${s.passed ? ' PASS' : ''}${rate}`;
    })
    .join(', ');
}

/** The library's tells: where the best response sits, so a trainer sees what a guesser would follow. */
function printTells(all: Tells[]) {
  const decisions = all.reduce((n, t) => n + t.decisions, 0);
  const pct = (n: number) => `${n}/${decisions} (${Math.round((100 * n) / Math.max(1, decisions))}%)`;
  const sum = (pick: (t: Tells) => number) => all.reduce((n, t) => n + pick(t), 0);
  const locales = [...new Set(all.flatMap((t) => Object.keys(t.bestLongest)))];
  console.log(`library tells over ${decisions} decisions:`);
  console.log(`  best response authored first: ${pct(sum((t) => t.bestFirst))}`);
  for (const l of locales) {
    console.log(`  best response is the longest (${l}): ${pct(sum((t) => t.bestLongest[l] ?? 0))}`);
    console.log(
      `  best response has the most courtesy words (${l}): ${pct(sum((t) => t.bestMostCourteous[l] ?? 0))}`,
    );
  }
  console.log(`  decisions with two responses that break no rule: ${pct(sum((t) => t.twoClean))}`);
}

/** A file's text, without the UTF-8 byte-order mark some editors write (the app's file reader drops it too). */
function readText(path: string): string {
  const text = readFileSync(path, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function collect(path: string): string[] {
  if (!existsSync(path)) {
    console.log(`${path}:1:1 error E_READ no such file or folder`);
    errors += 1;
    return [];
  }
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const full = join(path, name);
      if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : collect(full);
      return name.endsWith('.json') ? [full] : [];
    });
}

function isRubricFile(file: string, text: string): boolean {
  return basename(dirname(file)) === 'rubrics' || /"rubricVersion"\s*:/.test(text.slice(0, 2000));
}

/** A scenario's rubric: `rubrics/<id>.json` next to it or one folder up, then the bundled one. */
function findRubric(file: string, id: string): { rubric: Rubric } | { problem: string } {
  const here = dirname(file);
  const candidates = [
    join(here, 'rubrics', `${id}.json`),
    join(here, '..', 'rubrics', `${id}.json`),
    join(process.cwd(), 'scenarios', 'rubrics', `${id}.json`),
  ];
  const path = candidates.find((c) => existsSync(c));
  if (!path)
    return {
      problem: `rubric '${id}' not found (looked for ${candidates.map((c) => relative(process.cwd(), c)).join(', ')})`,
    };
  const cached = rubricCache.get(path);
  if (cached) return cached;
  const loaded = loadRubric(readText(path));
  const result = loaded.ok
    ? { rubric: loaded.rubric }
    : {
        problem: `rubric ${relative(process.cwd(), path)} is invalid: ${loaded.diagnostics[0]?.message ?? ''}`,
      };
  rubricCache.set(path, result);
  return result;
}
