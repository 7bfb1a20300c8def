import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTemplateText } from '@/features/author/template';
import { lintScenario } from '@/engine/lint/lint-scenario';
import { loadRubric } from '@/engine/load/load-rubric';
import { loadScenario } from '@/engine/load/load-scenario';
import { runAuthorCheck } from '@/state/author-check';

const rubricText = readFileSync(new URL('../../../scenarios/rubrics/default.json', import.meta.url), 'utf8');

function rubric() {
  const loaded = loadRubric(rubricText);
  if (!loaded.ok) throw new Error('the default rubric does not load');
  return loaded.rubric;
}

describe('New from template', () => {
  it('is the template file as written (what the editor shows is what was reviewed)', async () => {
    const onDisk = readFileSync(
      new URL('../../../src/features/author/template.json', import.meta.url),
      'utf8',
    );
    expect(await loadTemplateText()).toBe(onDisk);
  });

  it('loads through the real loader and lints with no errors and no warnings', async () => {
    const loaded = loadScenario(await loadTemplateText());
    expect(loaded.ok ? [] : loaded.diagnostics).toEqual([]);
    if (!loaded.ok) return;
    expect(loaded.scenario.locales).toEqual(['zh-CN', 'en']);
    const report = lintScenario(loaded.scenario, rubric(), { sourceMap: loaded.sourceMap, checklist: true });
    const problems = report.diagnostics.filter((d) => d.severity !== 'info');
    expect(problems.map((d) => `${d.code} ${d.path} ${d.message}`)).toEqual([]);
  });

  it("passes the Author view's own check (checklist and self-check included): ready to preview", async () => {
    const check = runAuthorCheck(await loadTemplateText(), rubric());
    expect(check.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code} ${d.path}`)).toEqual(
      [],
    );
    expect(check.ok).toBe(true);
    expect(check.summary?.stats.decisions ?? 0).toBeGreaterThanOrEqual(8);
  });
});
