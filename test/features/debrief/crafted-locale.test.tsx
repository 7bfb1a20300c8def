// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { DebriefView } from '@/features/debrief/debrief-view';
import { ReviewView } from '@/features/review/review-view';
import { saveAttempt, saveRubricSnapshot, saveScenarioSnapshot } from '@/records/attempts';
import type { AttemptRecord } from '@/records/attempt-record';
import { useRecords } from '@/state/records-store';
import { setUpApp } from '../../fakes/app';
import { GOOD, playRecord, rubric, rubricHash, scenario, scenarioHash } from '../../records/fixtures';

// A record is untrusted input (an imported bundle, or storage edited by hand). Its locale is used
// to pick scenario and rubric text: "__proto__" once made pickText return Object.prototype, which
// crashed the debrief and the attempt page. Such a record must render (in some language) or be
// refused with a message, never crash.
const CRAFTED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

async function seedWithLocale(locale: string): Promise<AttemptRecord> {
  await saveScenarioSnapshot(scenario, scenarioHash);
  await saveRubricSnapshot(rubric, rubricHash);
  const record = { ...playRecord(GOOD, { id: 'e-1', name: 'Li Na' }), locale };
  const saved = await saveAttempt(record);
  expect(saved.ok).toBe(true);
  return record;
}

/** Text that only appears when something other than a string reached the page. */
const NOT_TEXT = /\[object Object\]|function |undefined|\[native code\]/;

describe('a record with a crafted locale', () => {
  beforeEach(async () => {
    await setUpApp();
    useRecords.setState({ status: 'idle', rows: [], reports: [], error: null });
  });

  it.each(CRAFTED)('%s: the debrief renders the transcript in a real language', async (locale) => {
    const record = await seedWithLocale(locale);
    render(<DebriefView attemptId={record.id} />);
    const page = await screen.findByTestId('debrief');
    const turn = await screen.findByTestId('transcript-turn-1');
    expect(turn.textContent).toMatch(/\S/);
    expect(page.textContent).not.toMatch(NOT_TEXT);
  });

  it.each(CRAFTED)('%s: the attempt page in Review renders its transcript', async (locale) => {
    const record = await seedWithLocale(locale);
    window.location.hash = `#/review/attempt/${record.id}`;
    render(<ReviewView attemptId={record.id} />);
    const page = await screen.findByTestId('attempt-page');
    expect(page.textContent).not.toMatch(NOT_TEXT);
  });
});

// The same for the other keys a record supplies and the pages look up: node and response ids, rule
// ids, scenario and trainee ids. A changed id may make the score inconsistent, never crash a page.
const CRAFTED_KEYS: Record<string, (r: AttemptRecord) => AttemptRecord> = {
  'a node id': (r) => ({ ...r, turns: r.turns.map((t, i) => (i === 0 ? { ...t, node: '__proto__' } : t)) }),
  'a response id': (r) => ({
    ...r,
    turns: r.turns.map((t, i) => (i === 0 ? { ...t, responseId: 'constructor' } : t)),
  }),
  'rule ids': (r) => ({
    ...r,
    result: {
      ...r.result,
      violated: ['__proto__', 'constructor'],
      missed: ['toString'],
      critical: [{ rule: '__proto__', turn: 0 }],
    },
  }),
  'the scenario and trainee ids': (r) => ({
    ...r,
    scenario: { ...r.scenario, id: '__proto__' },
    trainee: { id: '__proto__', name: 'constructor' },
  }),
};

describe('a record with other crafted keys', () => {
  beforeEach(async () => {
    await setUpApp();
    useRecords.setState({ status: 'idle', rows: [], reports: [], error: null });
  });

  it.each(Object.keys(CRAFTED_KEYS))('%s: the debrief and the attempt page render', async (what) => {
    await saveScenarioSnapshot(scenario, scenarioHash);
    await saveRubricSnapshot(rubric, rubricHash);
    const record = CRAFTED_KEYS[what]!(playRecord(GOOD, { id: 'e-1', name: 'Li Na' }));
    expect((await saveAttempt(record)).ok).toBe(true);
    const debrief = render(<DebriefView attemptId={record.id} />);
    expect((await screen.findByTestId('debrief')).textContent).not.toMatch(NOT_TEXT);
    debrief.unmount();
    render(<ReviewView attemptId={record.id} />);
    const page = await screen.findByTestId('attempt-page');
    expect(page.textContent).not.toMatch(NOT_TEXT);
  });
});
