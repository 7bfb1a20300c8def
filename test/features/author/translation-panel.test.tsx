// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TranslationPanel } from '@/features/author/translation-panel';
import { translationDownload, translationImport } from '@/engine/i18n-export/translation-io';
import { setUpApp } from '../../fakes/app';
import { seriousViolations } from '../../fakes/axe';
import { fakeScenario } from '../../fakes/scenario';

const scenario = fakeScenario();
const json = JSON.stringify(scenario, null, 2);

function renderPanel(locales: readonly string[] | null = scenario.locales) {
  const onExport = vi.fn((target: string, format: 'xliff' | 'csv') =>
    translationDownload(scenario, target, format),
  );
  const onImport = vi.fn((name: string, text: string) => translationImport(json, scenario, name, text));
  const view = render(<TranslationPanel locales={locales} onExport={onExport} onImport={onImport} />);
  return { user: userEvent.setup(), onExport, onImport, ...view };
}

describe('TranslationPanel', () => {
  beforeEach(async () => {
    await setUpApp();
    // jsdom cannot follow a download link: count the files offered instead.
    URL.createObjectURL = vi.fn(() => 'blob:translation');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  });

  it('exports for the chosen language and format, and says how many strings', async () => {
    const { user, onExport } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Download for a translator' }));
    expect(onExport).toHaveBeenLastCalledWith('zh-CN', 'xliff');
    expect(URL.createObjectURL).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('translation-exported')).toHaveTextContent(
      /fake-call\.en-zh-CN\.xlf: \d+ strings, 0 not yet translated/,
    );
    await user.type(screen.getByLabelText('Translate into'), 'fr');
    await user.click(screen.getByRole('radio', { name: 'CSV (spreadsheet)' }));
    await user.click(screen.getByRole('button', { name: 'Download for a translator' }));
    expect(onExport).toHaveBeenLastCalledWith('fr', 'csv');
    expect(screen.getByTestId('translation-exported')).toHaveTextContent(/\.csv: (\d+) strings, \1 not yet/);
  });

  it('imports an edited file and shows what changed', async () => {
    const { user, onImport } = renderPanel();
    const xlf = translationDownload(scenario, 'en', 'xliff').text.replace(
      '<target>The late parcel</target>',
      '<target>The parcel that never came</target>',
    );
    await user.upload(screen.getByLabelText('Import a translated file'), new File([xlf], 'late.xlf'));
    const report = await screen.findByTestId('translation-report');
    expect(onImport).toHaveBeenCalledWith('late.xlf', xlf);
    const result = onImport.mock.results[0]!.value as ReturnType<typeof translationImport>;
    expect(result.ok && JSON.parse(result.text).title.en).toBe('The parcel that never came');
    expect(report).toHaveTextContent('The en translation is now in the editor.');
    expect(within(screen.getByTestId('translation-count-changed')).getByText('1')).toBeInTheDocument();
    expect(within(report).getByText('/title')).toBeInTheDocument();
  });

  it("shows a malformed file's errors with line and column, as an alert", async () => {
    const { user } = renderPanel();
    const bad = '<xliff version="2.0" srcLang="zh-CN" trgLang="en">\n<file>\n<unit id="u.title"></file>';
    await user.upload(screen.getByLabelText('Import a translated file'), new File([bad], 'bad.xlf'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The file could not be read. Nothing was changed.');
    expect(alert).toHaveTextContent('Line 3, column 22: </file> closes <unit>');
    expect(screen.queryByTestId('translation-report')).toBeNull();
  });

  it('is disabled while the draft does not load', () => {
    renderPanel(null);
    expect(screen.getByRole('button', { name: 'Download for a translator' })).toBeDisabled();
    expect(screen.getByLabelText('Import a translated file')).toBeDisabled();
  });

  it('has no serious axe violations, with a report shown, in Chinese too', async () => {
    await setUpApp(undefined, 'zh-CN');
    const { user, container } = renderPanel();
    expect(screen.getByRole('heading', { name: '翻译' })).toBeInTheDocument();
    const xlf = translationDownload(scenario, 'fr', 'xliff').text;
    await user.upload(screen.getByLabelText('导入译好的文件'), new File([xlf], 'fr.xlf'));
    await screen.findByTestId('translation-report');
    await waitFor(async () => expect(await seriousViolations(container)).toEqual([]));
  });
});
