import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/validate.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });

describe('npm run validate', () => {
  it('exits 0 on the shipped library', () => {
    const result = run('scenarios/', '--quiet');
    expect(result.stdout).toMatch(/0 error\(s\), 0 warning\(s\)/);
    expect(result.status).toBe(0);
  });

  it('on a copy with an unknown next id: exit 1, the file, the line and column of the id, and a hint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'composure-validate-'));
    mkdirSync(join(dir, 'rubrics'));
    copyFileSync(join(root, 'scenarios/rubrics/default.json'), join(dir, 'rubrics/default.json'));
    const source = readFileSync(join(root, 'scenarios/overdue-promise.json'), 'utf8');
    const broken = source.replace('"next": "vent"', '"next": "vnet"');
    expect(broken).not.toBe(source);
    const file = join(dir, 'overdue-promise.json');
    writeFileSync(file, broken);
    const result = run(file);
    expect(result.status).toBe(1);
    const line = result.stdout.split('\n').find((l) => l.includes('E_UNKNOWN_NODE'))!;
    const [, where, lineNo, col] = /^(.*overdue-promise\.json):(\d+):(\d+) error E_UNKNOWN_NODE/.exec(line)!;
    expect(where).toContain('overdue-promise.json');
    expect(broken.split('\n')[Number(lineNo) - 1]!.slice(Number(col) - 1)).toMatch(/^"vnet"/);
    expect(line).toContain("did you mean 'vent'?");
  });
});
