import 'fake-indexeddb/auto';
import { runAuthorCheck } from '@/state/author-check';
import { useAuthor } from '@/state/author-store';
import { exportDraftTranslation, importDraftTranslation } from '@/state/author-translation';
import { fakeRubric, fakeScenario } from '../fakes/scenario';

// The Author view's translation panel works on the checked draft through these two calls.
describe("the draft's translation round trip", () => {
  const text = `${JSON.stringify(fakeScenario(), null, 2)}\n`;

  beforeEach(() => {
    const check = runAuthorCheck(text, fakeRubric());
    useAuthor.setState({ text, checkedText: text, check, status: 'done' });
  });

  it('exports the draft for a translator and imports it back, changing only the edited string', async () => {
    const file = await exportDraftTranslation('en', 'xliff');
    expect(file.fileName).toMatch(/\.xlf$/);
    expect(file.text).toContain('The courier lost it, not us.');
    const edited = file.text.replace(
      '<target>The courier lost it, not us.</target>',
      '<target>The courier lost it; we will sort it out.</target>',
    );
    expect(edited).not.toBe(file.text);
    const result = await importDraftTranslation(file.fileName, edited);
    expect(result.ok).toBe(true);
    const after = useAuthor.getState().text;
    const changed = after.split('\n').filter((line, i) => line !== text.split('\n')[i]);
    expect(changed).toEqual([expect.stringContaining('The courier lost it; we will sort it out.')]);
  });

  it('refuses when the draft does not load, saying so', async () => {
    useAuthor.setState({ check: null, checkedText: null });
    await expect(exportDraftTranslation('en', 'csv')).rejects.toThrow(/does not load/);
  });
});
