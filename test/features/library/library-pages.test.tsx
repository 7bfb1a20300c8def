// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { indexJson } from '@/engine/format/catalogue-index';
import { LibraryView } from '@/features/library/library-view';
import { publishScenarioText } from '@/state/browser-library';
import { setCatalogueForTests } from '@/state/catalogue';
import { closePublishedForTests } from '@/state/published-scenarios';
import { buildCatalogueFiles } from '../../../scripts/scenario-catalogue';
import { setUpApp } from '../../fakes/app';
import { seriousViolations } from '../../fakes/axe';
import { fakeRubric, fakeScenario } from '../../fakes/scenario';

const folder = mkdtempSync(join(tmpdir(), 'library-pages-'));
mkdirSync(join(folder, 'rubrics'), { recursive: true });
writeFileSync(join(folder, 'rubrics/default.json'), JSON.stringify(fakeRubric()));
for (let i = 1; i <= 200; i++) {
  const id = `bulk-${String(i).padStart(3, '0')}`;
  writeFileSync(
    join(folder, `${id}.json`),
    JSON.stringify(fakeScenario({ id, title: { en: `Bulk ${id}`, 'zh-CN': `批量 ${id}` } })),
  );
}
const built = buildCatalogueFiles([{ dir: folder, prefix: '' }], join(folder, 'rubrics/default.json'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let missing = new Set<string>();
const requested: string[] = [];

describe('LibraryView with a paged catalogue', () => {
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    await setUpApp();
    setCatalogueForTests(null); // read the served index below, not a catalogue set in memory
    missing = new Set();
    requested.length = 0;
    vi.stubGlobal('fetch', async (url: URL | string) => {
      const path = new URL(String(url)).pathname.replace(/^\/scenarios\//, '');
      requested.push(path);
      const body = path === 'index.json' ? indexJson(built.index) : built.files.get(path);
      return body === undefined || missing.has(path)
        ? new Response('', { status: 404, statusText: 'Not Found' })
        : new Response(body, { status: 200 });
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    closePublishedForTests();
  });

  it('shows the first page, says there is more, and Show more reads the next page', async () => {
    const { container } = render(<LibraryView />);
    expect(await screen.findByText('Showing 10 scenarios; the library has more')).toBeInTheDocument();
    expect(container.querySelectorAll('.scenario-card')).toHaveLength(10);
    expect(requested).toEqual(['index.json']);
    expect(await seriousViolations(container)).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Show more scenarios' }));
    expect(await screen.findByText('Showing 60 scenarios; the library has more')).toBeInTheDocument();
    expect(requested).toEqual(['index.json', 'index-2.json']);
  });

  it('a page that cannot be read says so and can be tried again', async () => {
    missing.add('index-2.json');
    render(<LibraryView />);
    await userEvent.click(await screen.findByRole('button', { name: 'Show more scenarios' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('More scenarios could not be loaded');
    missing.clear();
    await userEvent.click(screen.getByRole('button', { name: 'Show more scenarios' }));
    expect(await screen.findByText('Showing 60 scenarios; the library has more')).toBeInTheDocument();
  });

  it('a search covers the whole library: every page is read for it', async () => {
    const { container } = render(<LibraryView />);
    await screen.findByText('Showing 10 scenarios; the library has more');
    await userEvent.type(screen.getByRole('searchbox'), 'bulk-187');
    expect(await screen.findByTestId('scenario-card-bulk-187')).toBeInTheDocument();
    expect(container.querySelectorAll('.scenario-card')).toHaveLength(1);
    expect(requested).toEqual(['index.json', 'index-2.json', 'index-3.json', 'index-4.json', 'index-5.json']);
    expect(screen.queryByRole('button', { name: 'Show more scenarios' })).toBeNull();
  });

  it('lists scenarios added in this browser in their own section, labelled so', async () => {
    await publishScenarioText(JSON.stringify(fakeScenario({ id: 'added-here' })));
    render(<LibraryView />);
    const card = await screen.findByTestId('scenario-card-added-here');
    expect(card).toHaveTextContent('Added in this browser');
    expect(screen.getByTestId('browser-scenarios')).toContainElement(card);
    expect(screen.getByRole('heading', { name: '1 scenario added in this browser' })).toBeInTheDocument();
  });
});
