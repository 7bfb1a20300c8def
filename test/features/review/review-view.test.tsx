// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { ReviewView } from '@/features/review/review-view';
import { saveAttempt, saveRubricSnapshot, saveScenarioSnapshot, listAttempts } from '@/records/attempts';
import { bundleChecksum } from '@/records/bundle';
import { exportBundle } from '@/records/import-export';
import { configureStorage } from '@/records/storage';
import { createMemoryBackend } from '@/records/memory-backend';
import { attemptsCsv } from '@/features/review/csv-views';
import i18next from 'i18next';
import { useRecords } from '@/state/records-store';
import { changeLanguage } from '@/i18n/i18n';
import { setUpApp } from '../../fakes/app';
import { seriousViolations } from '../../fakes/axe';
import { BAD, GOOD, playRecord, rubric, rubricHash, scenario, scenarioHash } from '../../records/fixtures';
import { sizeTableScroller } from '../../fakes/table-layout';

async function seed(names = ['Li Na', 'Wang Fang']) {
  await saveScenarioSnapshot(scenario, scenarioHash);
  await saveRubricSnapshot(rubric, rubricHash);
  const records = [
    playRecord(GOOD, { id: 'e-1', name: names[0]! }),
    playRecord(BAD, { id: 'e-2', name: names[1]! }),
  ];
  for (const r of records) await saveAttempt(r);
  return records;
}

const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });

beforeAll(sizeTableScroller);
afterAll(() => {
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
});

beforeEach(async () => {
  await setUpApp();
  await configureStorage({ indexedDB: new IDBFactory(), keyRange: IDBKeyRange });
  useRecords.setState({ status: 'idle', rows: [], reports: [], error: null });
  window.location.hash = '#/review';
});

describe('ReviewView', () => {
  it('with no attempts, explains how to get some (play or import)', async () => {
    render(<ReviewView />);
    expect(await screen.findByRole('heading', { name: 'No attempts yet' })).toBeInTheDocument();
    expect(screen.getByText(/play a scenario in the Library/)).toBeInTheDocument();
    expect(screen.getByText(/export their attempts/)).toBeInTheDocument();
  });

  it('lists attempts with scores, pass and verification, and a team summary', async () => {
    const [good, bad] = await seed();
    const { container } = render(<ReviewView />);
    const rows = await screen.findAllByTestId('attempt-row');
    expect(rows).toHaveLength(2);
    const goodRow = rows.find((r) => r.dataset.attemptId === good!.id)!;
    expect(within(goodRow).getByTestId('cell-overall')).toHaveTextContent(
      String(Math.round(good!.result.overall)),
    );
    expect(within(goodRow).getByText('Consistent')).toBeInTheDocument();
    // The lead says what the check is, and what only a server-side store could prove.
    expect(screen.getByText(/only a server-side store \(an LRS/)).toBeInTheDocument();
    const badRow = rows.find((r) => r.dataset.attemptId === bad!.id)!;
    expect(within(badRow).getByText('No')).toBeInTheDocument();
    expect(screen.getByTestId('stat-attempts')).toHaveTextContent('2');
    expect(within(screen.getByTestId('rules-table')).getByText('etiquette.no-blame')).toBeInTheDocument();
    expect(screen.getByTestId('trend-chart')).toBeInTheDocument();
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('filters by result and sorts by overall', async () => {
    const [good, bad] = await seed();
    render(<ReviewView />);
    await screen.findAllByTestId('attempt-row');
    await userEvent.selectOptions(screen.getByTestId('filter-passed'), 'no');
    await waitFor(() =>
      expect(screen.getAllByTestId('attempt-row').map((r) => r.dataset.attemptId)).toEqual([bad!.id]),
    );
    await userEvent.selectOptions(screen.getByTestId('filter-passed'), '');
    await userEvent.click(screen.getByRole('button', { name: 'Sort by Overall' }));
    await waitFor(() =>
      expect(screen.getAllByTestId('attempt-row').map((r) => r.dataset.attemptId)).toEqual([
        good!.id,
        bad!.id,
      ]),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sort by Overall' }));
    await waitFor(() =>
      expect(screen.getAllByTestId('attempt-row').map((r) => r.dataset.attemptId)).toEqual([
        bad!.id,
        good!.id,
      ]),
    );
  });

  it('renders HTML in an imported trainee name as text', async () => {
    await seed(['<img src=x onerror="alert(1)">', '<b>bold</b>']);
    const { container } = render(<ReviewView />);
    // The name shows in the coaching table, the heat map and the attempts table: as text in each.
    expect(await screen.findAllByText('<img src=x onerror="alert(1)">')).not.toHaveLength(0);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('importing a tampered bundle flags the attempt; importing garbage is refused and changes nothing', async () => {
    const records = await seed();
    const exported = await exportBundle();
    if (!exported.ok) throw new Error('export failed');
    await configureStorage({ indexedDB: new IDBFactory(), keyRange: IDBKeyRange });
    useRecords.setState({ status: 'idle', rows: [] });
    const bad = records[1]!;
    const tampered = {
      ...exported.value.bundle,
      attempts: exported.value.bundle.attempts.map((a) =>
        a.id === bad.id ? { ...a, result: { ...a.result, overall: 99, passed: true } } : a,
      ),
    };
    const signed = JSON.stringify({ ...tampered, checksum: bundleChecksum(tampered) });

    render(<ReviewView />);
    await screen.findByRole('heading', { name: 'No attempts yet' });
    await userEvent.upload(screen.getByTestId('import-input'), file('tampered.json', signed));
    expect(
      await screen.findByText(/tampered\.json: imported 2, duplicates 0, flagged 1/),
    ).toBeInTheDocument();
    const row = (await screen.findAllByTestId('attempt-row')).find((r) => r.dataset.attemptId === bad.id)!;
    expect(within(row).getByText('Score mismatch')).toBeInTheDocument();

    const before = await listAttempts();
    await userEvent.upload(
      screen.getByTestId('import-input'),
      file('junk.json', '<html>not an export</html>'),
    );
    expect(await screen.findByText(/junk\.json: refused — it is not valid JSON/)).toBeInTheDocument();
    expect(await listAttempts()).toEqual(before);
  });

  it('opens an attempt with its annotated transcript and a live score check', async () => {
    const [good] = await seed();
    render(<ReviewView attemptId={good!.id} />);
    expect(await screen.findByTestId('attempt-page')).toBeInTheDocument();
    const check = screen.getByTestId('attempt-verification');
    expect(check).toHaveTextContent('Consistent');
    expect(check).toHaveTextContent('it does not show who played');
    expect(screen.getByTestId('attempt-page')).not.toHaveTextContent(/own responses/);
    expect(screen.getByTestId('transcript-turn-1')).toBeInTheDocument();
    const plausibility = screen.getByTestId('attempt-plausibility');
    expect(plausibility).toHaveAttribute('data-flags', '');
    expect(plausibility).toHaveTextContent('No plausibility flags');
    expect(plausibility).toHaveTextContent('Only a server-side store (an LRS');
    // Model answers arrive after the page is on screen.
    await waitFor(() =>
      expect(within(screen.getByTestId('transcript-turn-1')).getByText('Model answer')).toBeInTheDocument(),
    );
  });

  it('an attempt answered faster than its text can be read is flagged, with the figures', async () => {
    const [, bad] = await seed();
    render(<ReviewView attemptId={bad!.id} />);
    const flag = await screen.findByTestId('flag-too-fast');
    // BAD's first answer came 0.9 s after a line and a reply that take 3 s to read.
    expect(flag).toHaveTextContent('(0.9 s answering)');
    expect(flag).toHaveTextContent('takes at least 3 s');
    expect(screen.getByTestId('attempt-plausibility')).toHaveAttribute('data-flags', 'too-fast');
    // Still consistent: the flags and the score check are separate questions.
    expect(screen.getByTestId('attempt-verification')).toHaveTextContent('Consistent');
  });

  it('a transcript copied under another trainee flags both attempts, in the table, the summary and the attempt page', async () => {
    const [good] = await seed();
    const copy = { ...good!, id: crypto.randomUUID(), trainee: { id: 'e-7', name: 'Copy Cat' } };
    await saveAttempt(copy);
    render(<ReviewView />);
    const flagsOf = (id: string) =>
      screen
        .getAllByTestId('attempt-row')
        .find((r) => r.dataset.attemptId === id)
        ?.querySelector('[data-testid="plausibility"]')
        ?.getAttribute('data-flags');
    // Attempts saved at the end of play are judged when Review opens (off the page, then the rows update).
    await waitFor(() => expect(flagsOf(copy.id)).toBe('duplicate'));
    expect(flagsOf(good!.id)).toBe('duplicate');
    // BAD is flagged too (too fast): three implausible attempts in the summary.
    expect(screen.getByTestId('summary-implausible')).toHaveTextContent(/^3 attempts look implausible/);
    await userEvent.selectOptions(screen.getByTestId('filter-plausibility'), 'clear');
    await waitFor(() => expect(screen.queryAllByTestId('attempt-row')).toHaveLength(0));
    await userEvent.selectOptions(screen.getByTestId('filter-plausibility'), 'flagged');
    await waitFor(() => expect(screen.getAllByTestId('attempt-row')).toHaveLength(3));

    window.location.hash = `#/review/attempt/${copy.id}`;
    const page = render(<ReviewView attemptId={copy.id} />);
    const dup = await within(page.container).findByTestId('flag-duplicate');
    expect(dup).toHaveTextContent('Li Na');
    expect(within(page.container).getByTestId('attempt-verification')).toHaveTextContent('Consistent');
  });

  it('shows where an import is while it runs, and exports through a file', async () => {
    await seed();
    render(<ReviewView />);
    await screen.findAllByTestId('attempt-row');
    let release: (text: string) => void = () => undefined;
    const slow = new Promise<string>((resolve) => (release = resolve));
    const importing = useRecords.getState().importFiles([{ name: 'slow.json', text: () => slow }]);
    await waitFor(() =>
      expect(screen.getByTestId('import-progress')).toHaveTextContent('File 1 of 1 (slow.json): reading…'),
    );
    release('not json');
    const [report] = await importing;
    expect(report).toMatchObject({ ok: false, reason: 'invalid-json' });
    await waitFor(() => expect(screen.queryByTestId('import-progress')).toBeNull());

    const exported = await useRecords.getState().exportAttempts();
    expect(exported).toMatchObject({ count: 2 });
    expect(exported!.filename).toMatch(/^composure-attempts-.*\.json$/);
    // jsdom's Blob has no text(): read it as the browser's FileReader would.
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(exported!.blob);
    });
    const bundle = JSON.parse(text) as { attempts: unknown[]; hashVersion: number };
    expect(bundle.attempts).toHaveLength(2);
    expect(bundle.hashVersion).toBe(1);
  });

  it('an unknown attempt id says so', async () => {
    render(<ReviewView attemptId="nope" />);
    expect(await screen.findByTestId('attempt-not-found')).toBeInTheDocument();
  });

  it('a trainee page shows their progress chart and only their attempts', async () => {
    await seed();
    render(<ReviewView traineeId="e-2" />);
    expect(await screen.findByTestId('trainee-name')).toHaveTextContent('Wang Fang');
    expect(screen.getByTestId('progress-chart')).toBeInTheDocument();
    expect(screen.getAllByTestId('attempt-row')).toHaveLength(1);
  });

  it('warns when attempts are only kept in memory', async () => {
    await configureStorage({ indexedDB: null });
    render(<ReviewView />);
    expect(await screen.findByTestId('storage-memory')).toHaveTextContent(/only kept in memory/);
  });

  it('speaks Chinese', async () => {
    await changeLanguage('zh-CN');
    await seed();
    render(<ReviewView />);
    expect(await screen.findByRole('heading', { name: '成绩查看' })).toBeInTheDocument();
    expect(await screen.findAllByText('一致')).not.toHaveLength(0);
    expect(screen.getByText(/只有服务器端的存储/)).toBeInTheDocument();
    await changeLanguage('en');
  });

  it('accepts several files dropped at once and reports each', async () => {
    await seed();
    const exported = await exportBundle();
    if (!exported.ok) throw new Error('export failed');
    await configureStorage({ indexedDB: new IDBFactory(), keyRange: IDBKeyRange });
    render(<ReviewView />);
    const drop = await screen.findByTestId('import-drop');
    const files = [
      file('a.json', exported.value.json),
      file('b.json', exported.value.json),
      file('c.json', '{'),
    ];
    fireEvent.drop(drop, { dataTransfer: { files, types: ['Files'] } });
    await waitFor(() => expect(screen.getAllByTestId('import-report')).toHaveLength(3));
    const lines = screen.getAllByTestId('import-report').map((l) => l.textContent);
    expect(lines[0]).toMatch(/a\.json: imported 2, duplicates 0, flagged 0/);
    expect(lines[1]).toMatch(/b\.json: imported 0, duplicates 2, flagged 0/);
    expect(lines[2]).toMatch(/c\.json: refused/);
    expect(await screen.findAllByTestId('attempt-row')).toHaveLength(2);
  });

  it('shows a full disk (QuotaExceededError) instead of swallowing it', async () => {
    await seed();
    const exported = await exportBundle();
    if (!exported.ok) throw new Error('export failed');
    const full = createMemoryBackend();
    full.write = async () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    await configureStorage({ backend: full });
    render(<ReviewView />);
    await userEvent.upload(await screen.findByTestId('import-input'), file('a.json', exported.value.json));
    expect(await screen.findByTestId('storage-error')).toHaveTextContent(/out of storage space/);
    expect(screen.getByTestId('import-report')).toHaveTextContent(
      /refused — the browser is out of storage space/,
    );
  });

  it('the CSV of the table view neutralises formulas in names', async () => {
    const [good] = await seed(['=HYPERLINK("http://evil")', 'Wang']);
    const rows = (await listAttempts()).filter((r) => r.id === good!.id);
    const csv = attemptsCsv(rows, {}, i18next.getFixedT('en', 'review'), 'en');
    expect(csv.split('\r\n')[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFF?id,Trainee,trainee id,Scenario/);
  });
});
