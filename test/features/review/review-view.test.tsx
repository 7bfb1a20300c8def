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

// jsdom has no layout: give the virtualised table's scroller a size so rows render.
const sized = (size: number) =>
  function (this: HTMLElement) {
    return this.classList.contains('review-table__scroll') ? size : 0;
  };
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: sized(520) });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: sized(1200) });
});
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
    expect(within(goodRow).getByText('Verified')).toBeInTheDocument();
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
    expect(await screen.findByText('<img src=x onerror="alert(1)">')).toBeInTheDocument();
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
    expect(screen.getByTestId('attempt-verification')).toHaveTextContent('Verified');
    expect(screen.getByTestId('transcript-turn-1')).toBeInTheDocument();
  });

  it('an unknown attempt id says so', async () => {
    render(<ReviewView attemptId="nope" />);
    expect(await screen.findByTestId('attempt-not-found')).toBeInTheDocument();
  });

  it('a trainee page shows their progress chart and only their attempts', async () => {
    await seed();
    window.location.hash = '#/review?trainee=e-2';
    render(<ReviewView />);
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
    changeLanguage('zh-CN');
    await seed();
    render(<ReviewView />);
    expect(await screen.findByRole('heading', { name: '复盘' })).toBeInTheDocument();
    expect(await screen.findAllByText('已核验')).not.toHaveLength(0);
    changeLanguage('en');
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
    expect(csv.split('\r\n')[0]).toMatch(/^id,Trainee,trainee id,Scenario/);
  });
});
