import { expect, test } from '@playwright/test';
import { startFakeLms, type FakeLms } from './helpers/fake-lms';
import { startLrs, statementsFor, lrsEndpoint, type RunningLrs } from './helpers/lrs';
import { expected, keyPlan, paths, scenarioCases } from './helpers/paths';
import { openDebriefByKeyboard, playByKeyboard } from './helpers/ui';

// Launched by a cmi5 LMS (a fake one that hands out the token and LMS.LaunchData, in front of the
// real test LRS): the scenario named in the launch data opens, and the LMS receives the cmi5-defined
// statements with its registration, session and categories, plus one `responded` per turn.
const VERB = (name: string) => `http://adlnet.gov/expapi/verbs/${name}`;
const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVE_ON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const { cases } = scenarioCases();

let lrs: RunningLrs | null = null;
let lms: FakeLms | null = null;
test.afterEach(async () => {
  await lms?.close();
  await lrs?.stop();
  lms = null;
  lrs = null;
});

test('a malformed cmi5 launch link says what is wrong instead of a blank page', async ({ page }) => {
  await page.goto('/?endpoint=lrs.example.com&registration=42#/');
  const panel = page.getByTestId('cmi5-launch');
  await expect(panel).toHaveAttribute('data-status', 'invalid');
  await expect(panel.getByRole('heading')).toHaveText('This course link could not be opened');
  const problems = panel.getByTestId('cmi5-problems').locator('li');
  await expect(problems).toHaveText([
    'fetch: missing',
    'activityId: missing',
    'actor: missing',
    'endpoint: not an http or https address',
    'registration: not a UUID',
  ]);
  // The library still works underneath.
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
});

test('launched by a cmi5 LMS: the named scenario opens, and the LMS receives the cmi5 statements and every turn', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const c = cases[0]!;
  const choices = paths(c).best;
  const want = expected(c, choices);
  lrs = await startLrs();
  const sessionId = 'a7c2cf4e-7f0a-4b9e-9a55-0d3f8b8f6c11';
  lms = await startFakeLms(lrsEndpoint(), {
    contextTemplate: {
      contextActivities: {
        grouping: [{ objectType: 'Activity', id: 'https://lms.example.com/course/cs-101' }],
      },
      extensions: { [SESSION]: sessionId },
    },
    launchMode: 'Normal',
    launchParameters: c.scenario.id,
    masteryScore: 0.5,
    moveOn: 'CompletedAndPassed',
  });
  const registration = '3b8e9e2a-4c4d-4e3f-9a0b-6c1d2e3f4a5b';
  const activityId = 'https://lms.example.com/au/composure';
  const actor = {
    objectType: 'Agent',
    name: 'Chen Jie',
    account: { homePage: 'https://lms.example.com', name: 'cj-77' },
  };
  const launch = new URLSearchParams({
    endpoint: lms.endpoint,
    fetch: lms.fetchUrl,
    registration,
    activityId,
    actor: JSON.stringify(actor),
  });
  await page.goto(`/?${launch}`);
  await expect(page.getByTestId('cmi5-launch')).toHaveAttribute('data-status', 'ready');
  await expect(page).toHaveURL(new RegExp(`#/play/${c.scenario.id}$`));
  await playByKeyboard(page, keyPlan(c, choices));
  await openDebriefByKeyboard(page);

  const total = 1 + choices.length + 3;
  await expect.poll(async () => (await statementsFor(registration)).length, { timeout: 30_000 }).toBe(total);
  const statements = (await statementsFor(registration)) as Array<
    Awaited<ReturnType<typeof statementsFor>>[number] & {
      object: { id: string };
      actor: { account?: { name: string } };
      context: {
        extensions: Record<string, unknown>;
        contextActivities: { category?: Array<{ id: string }>; grouping?: Array<{ id: string }> };
      };
    }
  >;
  const byVerb = (v: string) => statements.filter((s) => s.verb.id === VERB(v));
  const categories = (s: (typeof statements)[number]) =>
    (s.context.contextActivities.category ?? []).map((a) => a.id);
  for (const s of statements) {
    expect(s.context.registration).toBe(registration);
    expect(s.context.extensions[SESSION]).toBe(sessionId);
    expect(s.actor.account?.name).toBe('cj-77');
    expect((s.context.contextActivities.grouping ?? []).map((a) => a.id)).toContain(
      'https://lms.example.com/course/cs-101',
    );
  }
  for (const v of ['initialized', 'completed', want.passed ? 'passed' : 'failed', 'terminated']) {
    expect(byVerb(v), v).toHaveLength(1);
    expect(byVerb(v)[0]!.object.id).toBe(activityId);
    expect(categories(byVerb(v)[0]!)).toContain(CMI5_CATEGORY);
  }
  expect(categories(byVerb(want.passed ? 'passed' : 'failed')[0]!)).toContain(MOVE_ON);
  expect(byVerb('responded')).toHaveLength(choices.length);
  expect(byVerb('responded').every((s) => !categories(s).includes(CMI5_CATEGORY))).toBe(true);
  expect(Math.round(byVerb(want.passed ? 'passed' : 'failed')[0]!.result?.score?.raw ?? -1)).toBe(
    want.overall,
  );
  expect(lms.tokenRequests).toBe(1);
  expect(lms.stateRequests[0]?.get('registration')).toBe(registration);
});
