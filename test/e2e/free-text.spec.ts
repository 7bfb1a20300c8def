import { expect, test } from '@playwright/test';
import { bestPath } from '@/engine/lint/best-path';
import { pickText } from '@/engine/format/localized-text';
import { replay } from '@/engine/runtime/session';
import { freeTextAnalyser } from '@/engine/text/free-text';
import { scenarioCases } from './helpers/paths';
import { openDebriefByKeyboard, playByKeyboard, seed } from './helpers/ui';

const REPLY =
  'Good afternoon, Yuanhang Telecom customer service, this is Xiao Li speaking. How may I help you today?';

test('a typed reply is read, continues on the mapped branch, and its evidence shows in the debrief', async ({
  page,
}) => {
  const c = scenarioCases().cases.find((x) => x.scenario.id === 'overdue-promise')!;
  // What the engine does with the same words: the branch it maps to and the rules it finds.
  const typed = replay(c.scenario, c.rubric, [{ text: REPLY }], {
    now: () => 0,
    locale: 'en',
    analyser: freeTextAnalyser,
  });
  const turn = typed.state.turns[0]!;
  expect(turn.evidence.length).toBeGreaterThan(0);
  const rest = bestPath(c.scenario, c.rubric, typed.state)!;

  await seed(page);
  await page.goto(`/#/play/${c.scenario.id}`);
  const responses = page.getByTestId('responses');
  await expect(responses).toHaveAttribute('data-turn', '1');
  const box = page.getByLabel(/answer in your own words/i);
  await box.fill(REPLY);
  await page.keyboard.press('Control+Enter');
  await expect(responses).toHaveAttribute('data-turn', '2');
  await expect(responses).toHaveAttribute('data-node', typed.state.node);
  await expect(box).toHaveValue('');
  // Number keys type into the box while it has focus; the rest is played by choice.
  await box.blur();

  const plan = rest.inputs.map((input, i) => {
    const before = replay(c.scenario, c.rubric, [{ text: REPLY }, ...rest.inputs.slice(0, i)], {
      now: () => 0,
      locale: 'en',
      analyser: freeTextAnalyser,
    });
    const node = before.state.node;
    const index = c.scenario.nodes[node]!.responses!.findIndex((r) => r.id === input.choice);
    return { turn: i + 2, node, key: String(index + 1) };
  });
  await playByKeyboard(page, plan);
  await openDebriefByKeyboard(page);

  const first = page.getByTestId('transcript-turn-1');
  await expect(first).toContainText(REPLY);
  await expect(first).toContainText('We read this as:');
  const mapped = c.scenario.nodes[turn.node]!.responses!.find((r) => r.id === turn.responseId)!;
  await expect(first).toContainText(pickText(mapped.text, 'en'));
  for (const e of turn.evidence)
    await expect(first).toContainText(pickText(c.rubric.rules[e.rule]!.title, 'en'));
});
