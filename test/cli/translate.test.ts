import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const SCENARIO = 'scenarios/overdue-promise.json';
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/translate.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
const dir = mkdtempSync(join(tmpdir(), 'composure-translate-'));
const save = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('npm run translate', () => {
  it.each(['xliff', 'csv'])(
    'export then import of an unedited %s file gives back the same bytes',
    (format) => {
      const exported = run('export', SCENARIO, '--to', 'en', '--format', format);
      expect(exported.status).toBe(0);
      const file = save(`same.${format === 'csv' ? 'csv' : 'xlf'}`, exported.stdout);
      const imported = run('import', SCENARIO, file);
      expect(imported.status).toBe(0);
      expect(imported.stdout).toBe(readFileSync(join(root, SCENARIO), 'utf8'));
      expect(imported.stderr).toMatch(/0 changed, \d+ unchanged, 0 missing, 0 unknown/);
    },
  );

  it('an edited translation changes only that string in the JSON text', () => {
    const exported = run('export', SCENARIO, '--to', 'en').stdout;
    const edited = exported.replace(
      '<target>The overdue promise</target>',
      '<target>The &lt;late&gt; "promise" &amp; 承诺 🙂</target>',
    );
    expect(edited).not.toBe(exported);
    const imported = run('import', SCENARIO, save('edited.xlf', edited));
    expect(imported.status).toBe(0);
    const before = readFileSync(join(root, SCENARIO), 'utf8').split('\n');
    const after = imported.stdout.split('\n');
    expect(after).toHaveLength(before.length);
    const differing = before.flatMap((line, i) => (line === after[i] ? [] : [[line, after[i]]]));
    expect(differing).toEqual([
      [
        '  "title": { "zh-CN": "逾期的承诺", "en": "The overdue promise" },',
        '  "title": { "zh-CN": "逾期的承诺", "en": "The <late> \\"promise\\" & 承诺 🙂" },',
      ],
    ]);
    expect(imported.stderr).toContain('1 changed');
  });

  it('refuses a malformed file with its line and column, and exits 1', () => {
    const bad = save(
      'bad.xlf',
      '<xliff version="2.0" srcLang="zh-CN" trgLang="en">\n<file>\n<unit id="u.title"><segment><source>x</source></segmnt>',
    );
    const result = run('import', SCENARIO, bad);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${bad}:3:49 error E_TRANSLATION_FILE`);
    expect(result.stderr).toContain('</segmnt> closes <segment>');
  });

  it('prints usage and exits 2 without a target locale', () => {
    const result = run('export', SCENARIO);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage');
  });
});
