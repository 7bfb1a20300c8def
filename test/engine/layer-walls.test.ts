import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });
const errors = async (code: string, filePath: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId);
};

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
    expect(
      await errors("import { x } from '@/records/attempts';\nexport const y = x;\n", 'src/engine/probe.ts'),
    ).toContain('no-restricted-imports');
    expect(
      await errors('export const x = () => localStorage.getItem("a");\n', 'src/engine/probe.ts'),
    ).toContain('no-restricted-globals');
  });

  it('lets the engine import itself', async () => {
    expect(
      await errors(
        "import { holds } from '../runtime/conditions';\nexport const x = holds;\n",
        'src/engine/lint/probe.ts',
      ),
    ).toEqual([]);
  });

  it('fails when one feature imports another', async () => {
    expect(
      await errors(
        "import { x } from '@/features/play/x';\nexport const y = x;\n",
        'src/features/debrief/probe.ts',
      ),
    ).toContain('no-restricted-imports');
    expect(
      await errors(
        "import { x } from '@/features/debrief/x';\nexport const y = x;\n",
        'src/features/debrief/probe.ts',
      ),
    ).toEqual([]);
  });
});
