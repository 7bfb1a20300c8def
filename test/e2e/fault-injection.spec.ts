import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { pickText } from '@/engine/format/localized-text';
import { loadScenario } from '@/engine/load/load-scenario';
import { replay } from '@/engine/runtime/session';
import { loadDefaultRubric, type ScenarioCase } from './helpers/paths';
import { beginCall, seed } from './helpers/ui';

// Kills the page at random (seeded) points during 200 turns of play, across several attempts, and
// checks after every kill that reopening the scenario shows every answered turn. A turn counts as
// answered once the page has shown it (the next turn, or the ending); the one answer still in flight
// when the page dies may be kept or not, but nothing shown is ever lost. At the end, every finished
// attempt is stored once, with exactly the answers given.
//
// It plays test/fixtures/e2e/fault-loop.json (in the e2e build only): a call that goes round for as
// long as the test likes and ends when the test picks a goodbye, so attempts run to dozens of turns.
const SEED = Number(process.env.FAULT_SEED ?? 20_261_111);
const TURNS = Number(process.env.FAULT_TURNS ?? 200);
/** The chance that an answer is a goodbye (ends the attempt): attempts of ~40 turns on average. */
const END_CHANCE = 0.025;
/** The most answers between two kills. */
const MAX_RUN = 20;

function loopCase(): ScenarioCase {
  const file = 'test/fixtures/e2e/fault-loop.json';
  const loaded = loadScenario(readFileSync(file, 'utf8'));
  if (!loaded.ok) throw new Error(`${file} does not load: ${loaded.diagnostics[0]?.message}`);
  return { file, scenario: loaded.scenario, rubric: loadDefaultRubric() };
}
const LOOP = loopCase();

/** mulberry32: small, seedable, good enough to pick kill points. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

// Closing the tab without letting it run anything more, or navigating it away mid-answer (the app is
// then reopened in that same tab, as a trainee who went back would). A renderer crash through CDP's
// Page.crash was tried too, but it left Chromium unable to open or close tabs now and then.
type Kill = 'close' | 'navigate';
const KILLS: Kill[] = ['close', 'navigate'];

/** The engine's view of an attempt: where it stands after these choices. */
function standing(c: ScenarioCase, choices: string[]) {
  const session = replay(
    c.scenario,
    c.rubric,
    choices.map((choice) => ({ choice })),
    { now: () => 0 },
  );
  return { node: session.state.node, ended: session.state.status === 'ended' };
}

function lineText(c: ScenarioCase, choices: string[], i: number): string {
  const { node } = standing(c, choices.slice(0, i));
  const response = c.scenario.nodes[node]?.responses?.find((r) => r.id === choices[i]);
  return pickText(response?.text, 'en');
}

/** Kills the page; a tab navigated away is returned, to reopen the app in the same tab. */
async function kill(page: Page, how: Kill): Promise<Page | null> {
  if (how === 'close') {
    await page.close({ runBeforeUnload: false });
    return null;
  }
  await page.goto('about:blank', { waitUntil: 'commit' });
  return page;
}

interface StoredFinished {
  status: string;
  scenarioId: string;
  choices: string[];
}

async function storedAttempts(page: Page): Promise<StoredFinished[]> {
  return page.evaluate(
    () =>
      new Promise<StoredFinished[]>((resolve, reject) => {
        const open = indexedDB.open('composure');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('attempts').objectStore('attempts').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(
              all.result.map((a) => ({
                status: a.status,
                scenarioId: a.scenario.id,
                choices: a.turns.map((t: { responseId?: string }) => t.responseId ?? '?'),
              })),
            );
          };
        };
      }),
  );
}

async function openPlay(context: BrowserContext, scenarioId: string, tab: Page | null): Promise<Page> {
  const page = tab ?? (await context.newPage());
  if (!tab) await seed(page);
  await page.goto(`/#/play/${scenarioId}`);
  await beginCall(page);
  await expect(page.getByTestId('play')).toBeVisible();
  return page;
}

test('killing the page at random points never loses an answered turn', async ({ context }) => {
  test.setTimeout(600_000);
  const random = prng(SEED);
  type Finished = { scenarioId: string; choices: string[] };
  /** Attempts whose ending the page showed (must be stored), and ones that ended in flight (may be). */
  const finished: Finished[] = [];
  const maybe: Finished[] = [];
  let current: { c: ScenarioCase; choices: string[]; shown: number } | null = null;
  let pressed = 0;
  let kills = 0;
  let resumed = 0;
  let keptInFlight = 0;
  /** The tab last navigated away, reopened next (a closed tab is replaced by a new one). */
  let tab: Page | null = null;

  /** After a kill: the attempt in progress must come back with every answer the page had shown. */
  async function checkReopened(page: Page, attempt: NonNullable<typeof current>): Promise<boolean> {
    const { c, choices, shown } = attempt;
    const lastEnded = choices.length > 0 && standing(c, choices).ended;
    const responses = page.getByTestId('responses');
    await expect(responses).toBeVisible();
    const onScreen = Number(await responses.getAttribute('data-turn')) - 1;
    const where = `after kill ${kills} (seed ${SEED}, answers ${choices.join(',')})`;
    if (!(await page.getByTestId('notice-resumed').isVisible())) {
      // Not resumed: the answer in flight ended the attempt and it was stored as finished, or the
      // page died before it had shown any answer at all.
      expect(onScreen).toBe(0);
      if (shown > 0) {
        expect(lastEnded, `attempt lost ${where}`).toBe(true);
        finished.push({ scenarioId: c.scenario.id, choices });
      } else if (lastEnded) maybe.push({ scenarioId: c.scenario.id, choices });
      return false;
    }
    expect(onScreen, `resumed turn ${where}`).toBeGreaterThanOrEqual(shown);
    expect(onScreen).toBeLessThanOrEqual(lastEnded ? choices.length - 1 : choices.length);
    const lines = await page.getByTestId('trainee-line').allTextContents();
    expect(lines, `transcript ${where}`).toEqual(
      choices.slice(0, onScreen).map((_, i) => lineText(c, choices, i)),
    );
    if (onScreen > shown) keptInFlight += 1;
    attempt.choices = choices.slice(0, onScreen);
    attempt.shown = onScreen;
    resumed += 1;
    return true;
  }

  while (pressed < TURNS) {
    const c = LOOP;
    const page = await openPlay(context, c.scenario.id, tab);
    if (!current || !(await checkReopened(page, current))) current = { c, choices: [], shown: 0 };
    await expect(page.getByTestId('responses')).toHaveAttribute(
      'data-turn',
      String(current.choices.length + 1),
    );

    // Play a few turns, then kill the page at a random moment: right after a key press (the answer
    // in flight), a few milliseconds later, or while it sits idle.
    const run = random.int(1, MAX_RUN);
    const how = KILLS[random.int(0, KILLS.length - 1)]!;
    const inFlight = random.next() < 0.7;
    let killed = false;
    for (let step = 0; step < run && pressed < TURNS; step += 1) {
      const sofar = current.choices;
      const { node } = standing(c, sofar);
      const options = c.scenario.nodes[node]?.responses ?? [];
      const goodbye = options.filter((r) => standing(c, [...sofar, r.id]).ended);
      const goOn = options.filter((r) => !goodbye.includes(r));
      const pool = random.next() < END_CHANCE || goOn.length === 0 ? goodbye : goOn;
      const choice = pool[random.int(0, pool.length - 1)]!.id;
      // The turn is on screen (checked before the loop and after every answer); one read for the key.
      const responses = page.getByTestId('responses');
      const key = await responses.locator(`[data-response="${choice}"]`).getAttribute('aria-keyshortcuts');
      await page.keyboard.press(key!);
      current.choices.push(choice);
      pressed += 1;
      if (inFlight && step === run - 1) {
        const delay = random.int(0, 3) === 0 ? 0 : random.int(1, 40);
        if (delay) await page.waitForTimeout(delay);
        tab = await kill(page, how);
        kills += 1;
        killed = true;
        break;
      }
      if (standing(c, current.choices).ended) {
        await expect(page.getByTestId('to-debrief')).toBeVisible();
        finished.push({ scenarioId: c.scenario.id, choices: current.choices });
        current = null;
        break;
      }
      await expect(responses).toHaveAttribute('data-turn', String(current.choices.length + 1));
      current.shown = current.choices.length;
    }
    if (!killed) {
      tab = await kill(page, how);
      kills += 1;
    }
  }

  // The attempt still open is reopened once more (and checked), then the stored attempts are.
  const last = await openPlay(context, LOOP.scenario.id, tab);
  if (current) await checkReopened(last, current);
  const stored = await storedAttempts(last);
  const key = (a: Finished) => `${a.scenarioId}:${a.choices.join(',')}`;
  const count = (list: string[]) =>
    list.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
  const got = count(stored.map(key));
  const must = count(finished.map(key));
  const may = count(maybe.map(key));
  expect(
    stored.every((a) => a.status === 'finished'),
    'nothing was stored as abandoned',
  ).toBe(true);
  for (const [k, n] of must)
    expect(got.get(k) ?? 0, `finished attempt ${k} stored`).toBeGreaterThanOrEqual(n);
  for (const [k, n] of got)
    expect(n, `attempt ${k} stored once, with exactly its answers`).toBeLessThanOrEqual(
      (must.get(k) ?? 0) + (may.get(k) ?? 0),
    );
  expect(pressed).toBeGreaterThanOrEqual(TURNS);
  console.log(
    `fault injection (seed ${SEED}): ${pressed} answers, ${kills} kills, ${resumed} resumes, ` +
      `${finished.length} attempts finished (${maybe.length} more ended in flight), ` +
      `${keptInFlight} answers in flight kept`,
  );
});
