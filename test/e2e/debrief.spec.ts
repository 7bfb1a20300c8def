import { mkdirSync } from 'node:fs';
import { expectAxeCleanLightAndDark, expectNoSidewaysScroll } from './helpers/checks';
import { expect, test, type Page } from '@playwright/test';
import { bestPath } from '@/engine/lint/best-path';
import { replay } from '@/engine/runtime/session';
import { scoreSession } from '@/engine/scoring/score';
import { keyPlan, scenarioCases } from './helpers/paths';
import { openDebriefByKeyboard, playByKeyboard, seed } from './helpers/ui';

// The debrief that teaches, in a real browser: a failed attempt says so first with its critical
// violation and three fixes that open their turns; a retry from turn 3 plays on in Play to another
// ending and is compared with the original, which stays as it was.
const ARTIFACTS = 'test/e2e/artifacts';
mkdirSync(ARTIFACTS, { recursive: true });

const c = scenarioCases().cases.find((x) => x.scenario.id === 'impatient-repair')!;
const play = (choices: string[]) =>
  replay(
    c.scenario,
    c.rubric,
    choices.map((choice) => ({ choice })),
    { locale: 'en', now: () => 0 },
  );

// A chat call that ends "resolved" but fails: the lie at turn 8 breaks a critical rule.
const FAIL = [
  'greet-script',
  'lookup-confirm',
  'too-busy',
  'ask-time',
  'lock-consent',
  'cold-policy',
  'claim-process',
  'downstairs-lie',
  'check-fixed',
  'excuse-special',
  'goodbye',
];
const failed = play(FAIL);
const failedResult = scoreSession(failed);
const RETRY = 3;

/** Another answer at turn 3, then the engine's best way on: the best-scoring one that ends differently. */
function branchChoices(): string[] {
  const prefix = FAIL.slice(0, RETRY - 1);
  const node = c.scenario.nodes[play(prefix).state.node]!;
  const tries = (node.responses ?? [])
    .filter((r) => r.id !== FAIL[RETRY - 1])
    .map((r) => {
      const best = bestPath(c.scenario, c.rubric, play([...prefix, r.id]).state);
      const choices = [...prefix, r.id, ...(best?.inputs.map((i) => i.choice) ?? [])];
      return { choices, result: scoreSession(play(choices)) };
    })
    .filter((x) => x.result.outcome !== failedResult.outcome)
    .sort((a, b) => b.result.overall - a.result.overall);
  if (!tries[0]) throw new Error('no answer at turn 3 leads elsewhere');
  return tries[0].choices;
}

/** Screenshots of `testId`'s part of the page at 1366 and 390 px; at 390 the page must not scroll sideways. */
async function shots(page: Page, testId: string, name: string) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
    await page.getByTestId(testId).scrollIntoViewIfNeeded();
    await expectNoSidewaysScroll(page, `${name} at ${width}`);
    await page.screenshot({ path: `${ARTIFACTS}/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

async function setLanguage(page: Page, lang: 'en' | 'zh-CN') {
  await page.evaluate((l) => localStorage.setItem('composure.lang', l), lang);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.getByTestId('debrief')).toBeVisible();
}

test('a failed attempt: fail first, three fixes that open their turns, retry from turn 3 to another ending, compared with the unchanged original', async ({
  page,
}) => {
  // Two plays, four languages-and-widths of screenshots and eight axe runs on a shared machine.
  test.setTimeout(300_000);
  expect(failedResult.passed).toBe(false);
  expect(failedResult.critical.map((e) => [e.rule, e.turn])).toEqual([['etiquette.honesty', 8]]);
  const branch = branchChoices();

  await seed(page);
  await page.goto(`/#/play/${c.scenario.id}`);
  await playByKeyboard(page, keyPlan(c, FAIL));
  await openDebriefByKeyboard(page);
  const originalUrl = page.url();

  // Not passed, said first, with the critical rule, the turn and the trainee's words.
  const summary = page.getByTestId('debrief-summary');
  await expect(summary.locator('h2')).toHaveText('Not passed');
  await expect(page.getByTestId('result-passed')).toHaveAttribute('data-passed', 'false');
  const critical = page.getByTestId('verdict-critical');
  await expect(critical).toHaveAttribute('data-rule', 'etiquette.honesty');
  await expect(critical).toContainText('turn 8');
  await expect(critical.locator('q')).toHaveText(failedResult.critical[0]!.quote);
  // The happy ending does not read as a success beside the fail.
  await expect(page.getByTestId('outcome-failed')).toBeVisible();

  // Three fixes, the critical one first, each opening its turn and taking the keyboard there.
  const fixes = page.getByTestId('top-fixes').locator('li');
  await expect(fixes).toHaveCount(3);
  await expect(fixes.first()).toHaveAttribute('data-rule', 'etiquette.honesty');
  for (let i = 0; i < 3; i += 1) {
    const turn = await fixes.nth(i).getAttribute('data-turn');
    const details = page.locator(`#debrief-turn-${turn}`);
    await details.evaluate((d: HTMLDetailsElement) => (d.open = false));
    await fixes.nth(i).getByRole('link').click();
    await expect(details).toHaveAttribute('open', '');
    await expect(details.locator('summary')).toBeFocused();
    expect(page.url()).toBe(originalUrl);
  }

  // Turns start closed, except the ones where something went wrong.
  await page.reload();
  await expect(page.getByTestId('debrief')).toBeVisible();
  for (const turn of failed.state.turns) {
    const wrong = turn.evidence.some((e) => e.verdict !== 'met');
    const details = page.getByTestId(`transcript-turn-${turn.turn}`).locator('details');
    if (wrong) await expect(details, `turn ${turn.turn}`).toHaveAttribute('open', '');
    else await expect(details, `turn ${turn.turn}`).not.toHaveAttribute('open');
  }
  // On paper every turn is open (the debrief's print CSS), closed ones included.
  const clean = failed.state.turns.find((t) => t.evidence.every((e) => e.verdict === 'met'));
  expect(clean, 'a turn where nothing went wrong').toBeDefined();
  const cleanBody = page.getByTestId(`transcript-turn-${clean!.turn}`).locator('.transcript__compare');
  await expect(cleanBody).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(cleanBody).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(cleanBody).toBeHidden();
  const originalOverall = await page.getByTestId('score-overall').textContent();

  await page.getByTestId('debrief-summary').scrollIntoViewIfNeeded();
  await shots(page, 'debrief-summary', 'debrief-top-en');
  await expectAxeCleanLightAndDark(page, 'failed debrief, en');
  await setLanguage(page, 'zh-CN');
  await expect(page.getByTestId('debrief-summary').locator('h2')).toHaveText('未通过');
  await shots(page, 'debrief-summary', 'debrief-top-zh');
  await expectAxeCleanLightAndDark(page, 'failed debrief, zh-CN');
  await setLanguage(page, 'en');

  // Retry from turn 3: Play opens at turn 3 with turns 1–2 as they were, and plays on to an ending.
  const retry = page.getByTestId(`retry-from-${RETRY}`);
  const turn3 = page.getByTestId(`transcript-turn-${RETRY}`).locator('details');
  if ((await turn3.getAttribute('open')) === null) await turn3.locator('summary').click();
  await retry.click();
  await expect(page).toHaveURL(new RegExp(`#/play/${c.scenario.id}$`));
  await playByKeyboard(page, keyPlan(c, branch).slice(RETRY - 1));
  await openDebriefByKeyboard(page);
  expect(page.url()).not.toBe(originalUrl);

  await expect(page.getByTestId('practice-note')).toContainText('turn 3');
  const compare = page.getByTestId('practice-compare');
  const branchResult = scoreSession(play(branch));
  await expect(compare.getByTestId('practice-original-overall')).toHaveText(originalOverall!);
  await expect(compare.getByTestId('practice-branch-overall')).toHaveText(
    String(Math.round(branchResult.overall)),
  );
  await expect(compare.getByTestId('practice-original-outcome')).not.toHaveText(
    (await compare.getByTestId('practice-branch-outcome').textContent())!,
  );
  expect(branchResult.outcome).not.toBe(failedResult.outcome);
  const rows = compare.getByTestId('practice-turns').locator('tbody tr');
  await expect(rows).toHaveCount(Math.max(FAIL.length, branch.length) - RETRY + 1);
  await expect(rows.first().locator('th')).toHaveText(String(RETRY));

  await shots(page, 'practice-compare', 'debrief-compare-en');
  await expectAxeCleanLightAndDark(page, 'practice debrief, en');
  await setLanguage(page, 'zh-CN');
  await expect(page.getByTestId('practice-compare')).toContainText('重练');
  await expect(page.getByTestId('practice-turns')).toBeVisible();
  await shots(page, 'practice-compare', 'debrief-compare-zh');
  await expectAxeCleanLightAndDark(page, 'practice debrief, zh-CN');
  await setLanguage(page, 'en');

  // The original is as it was: same score, not a practice branch.
  await compare.getByTestId('practice-original').click();
  await expect(page).toHaveURL(originalUrl);
  await expect(page.getByTestId('score-overall')).toHaveText(originalOverall!);
  await expect(page.getByTestId('practice-note')).toHaveCount(0);
  await expect(page.getByTestId('verdict-critical')).toHaveAttribute('data-rule', 'etiquette.honesty');
});
