import { expect, test } from '@playwright/test';
import { expected, keyPlan, paths, scenarioCases } from './helpers/paths';
import { openDebriefByKeyboard, playByKeyboard, seed } from './helpers/ui';

// Publish to trainees without a rebuild (issue 15): a trainer publishes the Author view's scenario to
// this browser's library, opens the Library, finds it labelled as added here, and plays it to the
// debrief. (Needs <PublishButton> mounted in the Author view: src/features/author/publish-button.tsx.)

const MARKUP = '<img src=x onerror=alert(1)>';

test('publish from the Author view, open the Library, play the new scenario to its debrief', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const c = scenarioCases().cases.find((x) => x.scenario.id === 'overdue-promise')!;
  const best = paths(c).best;
  const published = {
    ...c.scenario,
    id: 'published-here',
    title: { en: `Published here ${MARKUP}`, 'zh-CN': `在此发布 ${MARKUP}` },
  };
  await seed(page);
  await page.goto('/#/author');
  await page.getByLabel('Scenario JSON').focus();
  await page.keyboard.insertText(JSON.stringify(published, null, 2));
  await expect(page.getByTestId('author-status')).toHaveAttribute('data-status', 'done');

  await page.getByRole('button', { name: "Publish to this browser's library" }).click();
  const status = page.getByTestId('publish-status');
  await expect(status).toContainText("Published “published-here” to this browser's library");
  await status.getByRole('link', { name: 'Open the Library' }).click();

  const card = page.getByTestId('browser-scenarios').getByTestId('scenario-card-published-here');
  await expect(card).toContainText(`Published here ${MARKUP}`);
  await expect(card).toContainText('Added in this browser');
  expect(await page.locator('main img').count()).toBe(0);
  await card.getByRole('link').click();
  await playByKeyboard(page, keyPlan({ ...c, scenario: published }, best));
  await openDebriefByKeyboard(page);
  await expect(page.getByTestId('score-overall')).toHaveText(String(expected(c, best).overall));
  expect(dialogs).toEqual([]);
});
