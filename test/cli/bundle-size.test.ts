import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// `npm run build` is `vite build && node scripts/bundle-size.mjs`: the build fails when the script does.
// Here the script measures a fake dist folder: an entry chunk and a lazy chunk of incompressible
// text (about 6 KB gzip each), against a budget passed on the command line.
const SCRIPT = fileURLToPath(new URL('../../scripts/bundle-size.mjs', import.meta.url));
const dist = mkdtempSync(join(tmpdir(), 'bundle-size-'));
const filler = (bytes: number) => `export const data = "${randomBytes(bytes).toString('base64')}";\n`;
mkdirSync(join(dist, 'assets'));
writeFileSync(
  join(dist, 'index.html'),
  '<!doctype html><script type="module" crossorigin src="/assets/index-AbCd1234.js"></script>',
);
writeFileSync(
  join(dist, 'assets/index-AbCd1234.js'),
  `const lazy = () => import("./play-view-EfGh5678.js");\n${filler(6000)}`,
);
writeFileSync(join(dist, 'assets/play-view-EfGh5678.js'), filler(6000));

const run = (...args: string[]) =>
  spawnSync(process.execPath, [SCRIPT, dist, ...args], { cwd: dist, encoding: 'utf8' });

afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('scripts/bundle-size.mjs', () => {
  it('exits 1 and says so when the trainee download is over budget', () => {
    const result = run('--budget-kb', '10');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/code, all three routes: +1\d\.\d KB +\(budget ≤ 10 KB: OVER\)/);
    expect(result.stderr).toMatch(/over the 10 KB budget/);
  });

  it('exits 0 within budget, counting the lazy chunk as part of the download', () => {
    const result = run('--budget-kb', '20');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/lazy +assets\/play-view-EfGh5678\.js/);
    expect(result.stdout).toMatch(/budget ≤ 20 KB: within/);
  });

  it('checks the real budget when no flag is given', () => {
    const result = run();
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/budget ≤ \d+ KB: within/);
  });

  it('fails when there is nothing to measure', () => {
    const result = spawnSync(process.execPath, [SCRIPT, join(dist, 'missing')], { encoding: 'utf8' });
    expect(result.status).toBe(1);
  });
});

describe('scripts/bundle-size.mjs, strings per language', () => {
  // A page fetches the strings of the language it shows: of two language chunks, only the larger counts.
  const langDist = mkdtempSync(join(tmpdir(), 'bundle-size-lang-'));
  mkdirSync(join(langDist, 'assets'));
  writeFileSync(
    join(langDist, 'index.html'),
    '<!doctype html><script type="module" crossorigin src="/assets/index-AbCd1234.js"></script>',
  );
  writeFileSync(
    join(langDist, 'assets/index-AbCd1234.js'),
    'const en = () => import("./locale-en-Aa11Bb22.js");\n' +
      'const zh = () => import("./locale-zh-CN-Cc33Dd44.js");\n' +
      filler(6000),
  );
  writeFileSync(join(langDist, 'assets/locale-en-Aa11Bb22.js'), filler(3000));
  writeFileSync(join(langDist, 'assets/locale-zh-CN-Cc33Dd44.js'), filler(6000));
  afterAll(() => rmSync(langDist, { recursive: true, force: true }));

  it('counts the larger language chunk once, not both', () => {
    const result = spawnSync(process.execPath, [SCRIPT, langDist, '--budget-kb', '100'], {
      cwd: langDist,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    const kbOf = (re: RegExp) => Number(re.exec(result.stdout)?.[1]);
    const zh = kbOf(/([\d.]+) KB +language +assets\/locale-zh-CN/);
    const en = kbOf(/([\d.]+) KB +language +assets\/locale-en/);
    const entry = kbOf(/([\d.]+) KB +initial/);
    expect(zh).toBeGreaterThan(en);
    expect(kbOf(/strings, one language: +([\d.]+) KB/)).toBe(zh);
    const total = kbOf(/code, all three routes: +([\d.]+) KB/);
    expect(Math.abs(total - (entry + zh))).toBeLessThanOrEqual(0.15);
  });
});
