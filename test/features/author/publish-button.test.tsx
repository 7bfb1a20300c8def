// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PublishButton } from '@/features/author/publish-button';
import { closePublishedForTests, listPublished } from '@/state/published-scenarios';
import { fakeCatalogue, setUpApp } from '../../fakes/app';
import { seriousViolations } from '../../fakes/axe';
import { fakeScenario } from '../../fakes/scenario';

const text = (partial = {}) => JSON.stringify(fakeScenario({ id: 'my-draft', ...partial }), null, 2);

describe('PublishButton', () => {
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    await setUpApp(fakeCatalogue([fakeScenario({ id: 'served-one' })]));
  });
  afterEach(() => closePublishedForTests());

  it("publishes to this browser's library, says so, and has no serious axe violations", async () => {
    const { container } = render(<PublishButton text={text()} />);
    await userEvent.click(await screen.findByRole('button', { name: "Publish to this browser's library" }));
    expect(await screen.findByText(/Published “my-draft” to this browser's library/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the Library' })).toHaveAttribute('href', '#/');
    expect((await listPublished()).scenarios.map((s) => s.origin)).toEqual(['author']);
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('publishing the same id again says it replaced the earlier version', async () => {
    const { rerender } = render(<PublishButton text={text()} />);
    await userEvent.click(await screen.findByRole('button', { name: "Publish to this browser's library" }));
    await screen.findByText(/Published “my-draft”/);
    rerender(<PublishButton text={text({ minutes: 8 })} />);
    await userEvent.click(screen.getByRole('button', { name: "Publish to this browser's library" }));
    expect(await screen.findByText(/replaced the earlier version/)).toBeInTheDocument();
    expect((await listPublished()).scenarios[0]!.summary.minutes).toBe(8);
  });

  it('a draft that does not load is not published: its located problems are shown', async () => {
    render(<PublishButton text={'{\n  "id": "x",\n  oops\n}'} />);
    await userEvent.click(await screen.findByRole('button', { name: "Publish to this browser's library" }));
    expect(await screen.findByTestId('publish-problems')).toHaveTextContent('draft:3:');
    expect((await listPublished()).scenarios).toEqual([]);
  });

  it('refuses an id the deployment serves', async () => {
    render(<PublishButton text={JSON.stringify(fakeScenario({ id: 'served-one' }))} />);
    await userEvent.click(await screen.findByRole('button', { name: "Publish to this browser's library" }));
    expect(await screen.findByTestId('publish-problems')).toHaveTextContent('already served by this library');
  });

  it('"Download for publishing" names the file and says how a deployment adds it; disabled turns both off', async () => {
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    if (typeof URL.createObjectURL !== 'function')
      Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => undefined });
    const { rerender } = render(<PublishButton text={text()} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Download for publishing' }));
    expect(await screen.findByText('Saved my-draft.json.')).toBeInTheDocument();
    expect(saved).toEqual(['my-draft.json']);
    expect(screen.getByTestId('publish-status')).toHaveTextContent("deployment's scenarios/ folder");
    rerender(<PublishButton text={text()} disabled />);
    expect(screen.getByRole('button', { name: 'Download for publishing' })).toBeDisabled();
    expect(screen.getByRole('button', { name: "Publish to this browser's library" })).toBeDisabled();
  });
});
