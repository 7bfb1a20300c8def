import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadNamespace } from '@/i18n/lazy-namespaces';
import type { PublishResult } from '@/state/browser-library';
import { routeHref } from '@/state/route';
import { LocatedProblems } from '@/ui/located-problems';

// "Publish to this browser's library" and "Download for publishing" for the Author view: the first
// stores the scenario in this browser (the Library lists it, labelled so, and Play plays it); the
// second saves the file a deployment adds to scenarios/ so every trainee gets it. The checks and the
// store load when a button is pressed (on-demand-browser-library); the strings are 'library-added'.

interface Props {
  /** The scenario file's text as it stands in the editor. */
  text: string;
  /** While the draft does not load (the Author view knows): both buttons are off. */
  disabled?: boolean;
}

type State =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; result: PublishResult }
  | { kind: 'downloaded'; file: string }
  | { kind: 'failed'; message: string };

export function PublishButton({ text, disabled = false }: Props) {
  const { t, ready } = useTranslation('library-added', { useSuspense: false });
  const [strings, setStrings] = useState(false);
  const [outcome, setState] = useState<{ state: State; text: string }>({
    state: { kind: 'idle' },
    text,
  });
  // A new draft text: the last outcome was about another version (unless it is still working).
  const state: State =
    outcome.text === text || outcome.state.kind === 'working' ? outcome.state : { kind: 'idle' };
  const show = (next: State) => setState({ state: next, text });

  useEffect(() => {
    let live = true;
    void loadNamespace('library-added').then(() => live && setStrings(true));
    return () => {
      live = false;
    };
  }, []);

  if (!strings || !ready) return null;
  const fail = (error: unknown) =>
    show({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });

  const publish = () => {
    show({ kind: 'working' });
    import('@/state/browser-library')
      .then(({ publishScenarioText }) => publishScenarioText(text))
      .then((result) => show({ kind: 'done', result }), fail);
  };
  const download = () => {
    import('@/state/browser-library')
      .then(({ downloadScenarioFile }) => show({ kind: 'downloaded', file: downloadScenarioFile(text) }))
      .catch(fail);
  };

  const result = state.kind === 'done' ? state.result : null;
  return (
    <div className="publish-actions" data-testid="publish-actions">
      <p>
        <button
          type="button"
          className="button button--primary"
          disabled={disabled || state.kind === 'working'}
          onClick={publish}
          data-testid="publish-browser"
        >
          {state.kind === 'working' ? t('publish.working') : t('publish.button')}
        </button>{' '}
        <button
          type="button"
          className="button"
          disabled={disabled}
          onClick={download}
          data-testid="publish-download"
        >
          {t('publish.download')}
        </button>
      </p>
      <div role="status" data-testid="publish-status">
        {result?.ok ? (
          <p>
            {result.replaced
              ? t('publish.replaced', { id: result.id })
              : t('publish.published', { id: result.id })}{' '}
            <a href={routeHref.library()}>{t('publish.openLibrary')}</a>
          </p>
        ) : null}
        {state.kind === 'downloaded' ? (
          <>
            <p>{t('publish.downloaded', { file: state.file })}</p>
            <p>{t('publish.howTo')}</p>
          </>
        ) : null}
      </div>
      {result && !result.ok ? (
        <div className="notice notice--warn" role="alert" data-testid="publish-problems">
          <p>{t('publish.problems')}</p>
          <LocatedProblems problems={result.problems} />
        </div>
      ) : null}
      {state.kind === 'failed' ? (
        <p className="notice notice--warn" role="alert">
          {t('publish.failed', { message: state.message })}
        </p>
      ) : null}
    </div>
  );
}
