import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { launchCmi5, useCmi5 } from '@/state/cmi5-launch';

let started = false;

/**
 * Shown at the top of every page when the app was opened by a cmi5 LMS: the launch's progress, and
 * for a malformed launch or an LMS that refused the token, what is wrong, in words.
 */
export function LaunchPanel({ search }: { search: string }) {
  const { t } = useTranslation('lms');
  const state = useCmi5();
  useEffect(() => {
    if (started) return;
    started = true;
    void launchCmi5(search);
  }, [search]);

  if (state.status === 'idle' || state.status === 'launching')
    return (
      <p className="panel lms-launch" role="status" data-testid="cmi5-launch" data-status="launching">
        {t('launch.launching')}
      </p>
    );
  if (state.status === 'ready')
    return (
      <p className="panel lms-launch" role="status" data-testid="cmi5-launch" data-status="ready">
        {state.scenarioId ? t('launch.ready') : t('launch.readyNoScenario')}{' '}
        {state.returnURL ? <a href={state.returnURL}>{t('launch.return')}</a> : null}
      </p>
    );
  return (
    <section
      className="panel panel--error lms-launch"
      role="alert"
      data-testid="cmi5-launch"
      data-status={state.status}
    >
      <h1>{t('launch.failedTitle')}</h1>
      {state.status === 'invalid' ? (
        <>
          <p>{t('launch.invalid')}</p>
          <ul data-testid="cmi5-problems">
            {state.problems.map((p) => (
              <li key={`${p.param}:${p.problem}`} data-param={p.param} data-problem={p.problem}>
                <code>{p.param}</code>: {t(`launch.problem.${p.problem}`)}
              </li>
            ))}
          </ul>
        </>
      ) : state.status === 'token-failed' ? (
        <p>
          {t(`launch.token.${state.problem}`)} <code>{state.detail}</code>
        </p>
      ) : (
        <p>
          {t('launch.launchData')} <code>{state.detail}</code>
        </p>
      )}
      <p>{t('launch.help')}</p>
    </section>
  );
}
