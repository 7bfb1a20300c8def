// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ImportPanel } from '@/features/library/on-demand-import';
import { loadNamespace } from '@/i18n/lazy-namespaces';
import { listPublished, closePublishedForTests } from '@/state/published-scenarios';
import { PACK_FORMAT } from '@/state/scenario-pack';
import { fakeCatalogue, setUpApp } from '../../fakes/app';
import { seriousViolations } from '../../fakes/axe';
import { fakeScenario } from '../../fakes/scenario';

const file = (name: string, value: unknown) =>
  new File([typeof value === 'string' ? value : JSON.stringify(value, null, 2)], name, {
    type: 'application/json',
  });
const pack = (...scenarios: unknown[]) => ({ format: PACK_FORMAT, version: 1, scenarios });

describe('ImportPanel', () => {
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    await setUpApp(fakeCatalogue([fakeScenario({ id: 'served-one' })]));
    await loadNamespace('library-added');
  });
  afterEach(() => closePublishedForTests());

  it('imports a pack: reports what was added, calls onAdded, and has no serious axe violations', async () => {
    const onAdded = vi.fn();
    const { container } = render(<ImportPanel onAdded={onAdded} onClose={() => undefined} />);
    await userEvent.upload(
      screen.getByLabelText(/choose them/),
      file('team.json', pack(fakeScenario({ id: 'new-a' }), fakeScenario({ id: 'new-b' }))),
    );
    const report = screen.getByTestId('import-report');
    expect(await within(report).findByText(/Added 2 scenarios/)).toBeInTheDocument();
    expect(report).toHaveTextContent('new-a (new)');
    expect(onAdded).toHaveBeenCalledTimes(1);
    expect((await listPublished()).scenarios.map((s) => s.id).sort()).toEqual(['new-a', 'new-b']);
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('a broken file gets a located error and nothing is added, even with good files beside it', async () => {
    const onAdded = vi.fn();
    render(<ImportPanel onAdded={onAdded} onClose={() => undefined} />);
    await userEvent.upload(screen.getByLabelText(/choose them/), [
      file('good.json', fakeScenario({ id: 'good-one' })),
      file('broken.json', '{\n  "id": "x",\n  "title": oops\n}'),
    ]);
    const problems = await screen.findByTestId('import-problems');
    expect(problems).toHaveTextContent('Nothing was added');
    expect(problems).toHaveTextContent('broken.json:3:12');
    expect(onAdded).not.toHaveBeenCalled();
    expect((await listPublished()).scenarios).toEqual([]);
  });

  it("refuses a served scenario's id with the reason", async () => {
    render(<ImportPanel onAdded={() => undefined} onClose={() => undefined} />);
    await userEvent.upload(
      screen.getByLabelText(/choose them/),
      file('clash.json', fakeScenario({ id: 'served-one' })),
    );
    expect(await screen.findByTestId('import-problems')).toHaveTextContent(
      '“served-one” is already a scenario of this library',
    );
    expect((await listPublished()).scenarios).toEqual([]);
  });

  it('asks before replacing a scenario added earlier; Cancel keeps the old one, Replace swaps it', async () => {
    render(<ImportPanel onAdded={() => undefined} onClose={() => undefined} />);
    const input = screen.getByLabelText(/choose them/);
    await userEvent.upload(input, file('a.json', fakeScenario({ id: 'again', minutes: 3 })));
    await screen.findByText(/Added 1 scenario/);

    await userEvent.upload(input, file('a.json', fakeScenario({ id: 'again', minutes: 7 })));
    const dialog = await screen.findByTestId('import-replace-dialog');
    expect(dialog).toHaveTextContent('again');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Nothing was imported.')).toBeInTheDocument();
    expect((await listPublished()).scenarios[0]!.summary.minutes).toBe(3);

    await userEvent.upload(input, file('a.json', fakeScenario({ id: 'again', minutes: 7 })));
    await userEvent.click(
      within(await screen.findByTestId('import-replace-dialog')).getByRole('button', {
        name: 'Replace them',
      }),
    );
    expect(await screen.findByText(/replaced the earlier version/)).toBeInTheDocument();
    expect((await listPublished()).scenarios[0]!.summary.minutes).toBe(7);
  });
});
