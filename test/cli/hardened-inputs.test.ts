import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const cli = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    cwd: root,
    encoding: 'utf8',
    // A cue that stalls the analyzer must fail the test, not hang it.
    timeout: 20_000,
  });
const BOM = '\uFEFF';

function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'composure-hardened-'));
  mkdirSync(join(dir, 'rubrics'));
  return dir;
}

/** The shipped rubric with these cues on one rule, pretty-printed as a trainer's file would be. */
function rubricWithCues(cues: Record<string, { met?: string[]; violated?: string[] }>): string {
  const doc = JSON.parse(readFileSync(join(root, 'scenarios/rubrics/default.json'), 'utf8')) as {
    rules: Record<string, Record<string, unknown>>;
  };
  doc.rules['etiquette.no-dismissal']!.cues = cues;
  return `${JSON.stringify(doc, null, 2)}\n`;
}

describe('the CLI reads a UTF-8 byte-order mark as the app does', () => {
  it('validate loads a scenario and a rubric saved with a BOM', () => {
    const dir = workDir();
    writeFileSync(
      join(dir, 'rubrics/default.json'),
      BOM + readFileSync(join(root, 'scenarios/rubrics/default.json'), 'utf8'),
    );
    const scenario = join(dir, 'timid-customer.json');
    writeFileSync(scenario, BOM + readFileSync(join(root, 'scenarios/timid-customer.json'), 'utf8'));
    const result = cli('validate', '--quiet', scenario, join(dir, 'rubrics/default.json'));
    expect(result.stdout).not.toContain('E_JSON_SYNTAX');
    expect(result.stdout).toMatch(/rubric 'default'/);
    expect(result.stdout).toMatch(/2 file\(s\): 0 error\(s\)/);
    expect(result.status).toBe(0);
  });

  it('analyze reads a JSON-lines file saved with a BOM', () => {
    const dir = workDir();
    const input = join(dir, 'replies.jsonl');
    writeFileSync(input, `${BOM}{"id":"a","locale":"en","text":"I am so sorry for the wait."}\n`);
    const result = cli('analyze', '--jsonl', input);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout.trim()) as { id: string; hits: Record<string, string> };
    expect(out.id).toBe('a');
    expect(out.hits['apology.sincere']).toBe('met');
  });
});

describe('unsafe company cues in the CLI', () => {
  it('validate refuses them with E_UNSAFE_CUE at the line and column of the part at fault', () => {
    const dir = workDir();
    const text = rubricWithCues({ en: { violated: ['ask head office', 'ask (a+)+$'] } });
    const file = join(dir, 'rubrics/default.json');
    writeFileSync(file, text);
    const result = cli('validate', file);
    expect(result.status).toBe(1);
    const line = result.stdout.split('\n').find((l) => l.includes('E_UNSAFE_CUE'))!;
    const [, lineNo, col] = /default\.json:(\d+):(\d+) error E_UNSAFE_CUE /.exec(line)!;
    expect(text.split('\n')[Number(lineNo) - 1]!.slice(Number(col) - 1)).toMatch(/^\(a\+\)\+\$"/);
    expect(line).toContain('/rules/etiquette.no-dismissal/cues/en/violated/1');
  });

  it('analyze skips them with a warning and still uses the safe ones', () => {
    const dir = workDir();
    const rubric = join(dir, 'rubrics/default.json');
    writeFileSync(rubric, rubricWithCues({ en: { violated: ['(a+)+$', 'ask head office'] } }));
    const input = join(dir, 'replies.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({ id: 'stall', locale: 'en', text: `${'a'.repeat(40)}!` }),
        JSON.stringify({ id: 'cue', locale: 'en', text: 'You need to ask head office.' }),
      ].join('\n'),
    );
    const result = cli('analyze', '--jsonl', input, '--rubric', rubric);
    expect(result.stderr).toMatch(
      /skipping the cue "\(a\+\)\+\$" of etiquette\.no-dismissal \(en, violated\)/,
    );
    expect(result.status).toBe(0);
    const [stall, cue] = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; hits: Record<string, string> });
    expect(stall!.hits['etiquette.no-dismissal']).toBeUndefined();
    expect(cue!.hits['etiquette.no-dismissal']).toBe('violated');
  });
});
