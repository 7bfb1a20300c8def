import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Each probe is linted as if it were a file at `filePath`. The walls are checked on the file an
// import resolves to, so every probe imports a module that exists.
const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });
const errors = async (code: string, filePath: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId);
};
const importing = (specifier: string) => `import { x } from '${specifier}';\nexport const y = x;\n`;
const importingType = (specifier: string) => `import type { X } from '${specifier}';\nexport type Y = X;\n`;
const WALL = 'import-x/no-restricted-paths';
const VIEW_WALL = 'walls/no-restricted-value-paths';

describe('lint layer walls', () => {
  it('fails when src/engine imports React, i18next, storage or the DOM', async () => {
    expect(
      await errors("import { useState } from 'react';\nexport const x = useState;\n", 'src/engine/probe.ts'),
    ).toContain('no-restricted-imports');
    expect(
      await errors("import i18next from 'i18next';\nexport const x = i18next;\n", 'src/engine/probe.ts'),
    ).toContain('no-restricted-imports');
    expect(
      await errors("import Dexie from 'dexie';\nexport const x = Dexie;\n", 'src/engine/probe.ts'),
    ).toContain('no-restricted-imports');
    expect(await errors(importing('@/records/attempts'), 'src/engine/probe.ts')).toContain(WALL);
    expect(
      await errors('export const x = () => localStorage.getItem("a");\n', 'src/engine/probe.ts'),
    ).toContain('no-restricted-globals');
  });

  it('holds on relative imports, not only on the @/ alias', async () => {
    expect(await errors(importing('../play/play-view'), 'src/features/debrief/probe.ts')).toContain(WALL);
    expect(await errors(importing('../state/play-store'), 'src/ui/probe.ts')).toContain(WALL);
    expect(await errors(importing('../../records/attempts'), 'src/engine/lint/probe.ts')).toContain(WALL);
    expect(await errors(importing('../state/play-store'), 'src/records/probe.ts')).toContain(WALL);
  });

  it('lets each layer import itself and the layers below it', async () => {
    expect(await errors(importing('../runtime/conditions'), 'src/engine/lint/probe.ts')).toEqual([]);
    expect(await errors(importing('../engine/runtime/session'), 'src/records/probe.ts')).toEqual([]);
    expect(await errors(importing('../records/attempts'), 'src/state/probe.ts')).toEqual([]);
    expect(await errors(importing('../i18n/language'), 'src/state/probe.ts')).toEqual([]);
    expect(await errors(importing('../features/play/play-view'), 'src/app/probe.ts')).toEqual([]);
  });

  it('walls off src/i18n: it imports nothing but itself', async () => {
    expect(await errors(importing('./language'), 'src/i18n/probe.ts')).toEqual([]);
    expect(await errors(importing('../state/settings-store'), 'src/i18n/probe.ts')).toContain(WALL);
    expect(await errors(importing('../engine/format/ids'), 'src/i18n/probe.ts')).toContain(WALL);
  });

  it('walls off src/cli from views, stores and i18n', async () => {
    expect(await errors(importing('../engine/format/ids'), 'src/cli/probe.ts')).toEqual([]);
    expect(await errors(importing('../records/aggregate'), 'src/cli/probe.ts')).toEqual([]);
    for (const target of [
      '../state/play-store',
      '../i18n/i18n',
      '../ui/dialog',
      '../features/play/play-view',
    ]) {
      expect(await errors(importing(target), 'src/cli/probe.ts'), target).toContain(WALL);
    }
  });

  it('fails when one feature imports another', async () => {
    expect(await errors(importing('@/features/play/play-view'), 'src/features/debrief/probe.ts')).toContain(
      WALL,
    );
    expect(await errors(importing('./debrief-view'), 'src/features/debrief/probe.ts')).toEqual([]);
  });

  it('lets views take engine and records types, but values only from the pure helpers', async () => {
    expect(await errors(importingType('@/engine/runtime/types'), 'src/ui/probe.ts')).toEqual([]);
    expect(await errors(importingType('../../records/attempts'), 'src/features/review/probe.ts')).toEqual([]);
    expect(await errors(importing('@/engine/format/localized-text'), 'src/ui/probe.ts')).toEqual([]);
    expect(await errors(importing('../../records/aggregate'), 'src/features/review/probe.ts')).toEqual([]);
    expect(await errors(importing('@/engine/runtime/session'), 'src/ui/probe.ts')).toContain(VIEW_WALL);
    expect(
      await errors(importing('../../engine/load/load-scenario'), 'src/features/author/probe.ts'),
    ).toContain(VIEW_WALL);
    expect(await errors(importing('../../records/attempts'), 'src/features/review/probe.ts')).toContain(
      VIEW_WALL,
    );
    // src/ui takes nothing from records, not even types.
    expect(await errors(importingType('../records/aggregate'), 'src/ui/probe.ts')).toContain(WALL);
  });

  it('fails on an import cycle', async () => {
    // cycle-b.ts imports cycle-a.ts; the probe stands in for cycle-a.ts and imports cycle-b.ts back.
    const probe = "import { b } from './cycle-b';\nexport const a = b;\n";
    expect(await errors(probe, 'test/fixtures/lint-probes/cycle-a.ts')).toContain('import-x/no-cycle');
    expect(await errors('export const a = 1;\n', 'test/fixtures/lint-probes/cycle-a.ts')).toEqual([]);
  });

  it('fails on an import it cannot resolve, which no wall could check', async () => {
    expect(await errors(importing('../state/no-such-store'), 'src/ui/probe.ts')).toContain(
      'import-x/no-unresolved',
    );
  });

  it('forbids dangerouslySetInnerHTML', async () => {
    expect(
      await errors(
        'export const X = (p: { html: string }) => <div dangerouslySetInnerHTML={{ __html: p.html }} />;\n',
        'src/ui/probe.tsx',
      ),
    ).toContain('no-restricted-syntax');
  });
});
