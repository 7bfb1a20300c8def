import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outcome } from '@/engine/format/ids';
import { pickText, type LocalizedText } from '@/engine/format/localized-text';
import { routeHref } from '@/state/route';

interface Props {
  outcome: Outcome | null;
  summary: LocalizedText | undefined;
  locale: string;
  attemptId: string | null;
  saving: boolean;
  error: string | null;
}

export function EndingPanel({ outcome, summary, locale, attemptId, saving, error }: Props) {
  const { t } = useTranslation('play');
  const linkRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (!saving && attemptId) linkRef.current?.focus();
  }, [saving, attemptId]);
  return (
    <section className="ending panel" aria-labelledby="ending-title" data-testid="ending">
      <h2 id="ending-title">{t('ending.title')}</h2>
      {outcome ? <p className={`outcome outcome--${outcome}`}>{t(`ending.outcome.${outcome}`)}</p> : null}
      {summary ? <p>{pickText(summary, locale)}</p> : null}
      {error ? (
        <p className="error-detail" role="alert">
          {t('ending.saveFailed', { message: error })}
        </p>
      ) : null}
      {saving ? (
        <p role="status">{t('ending.saving')}</p>
      ) : attemptId && !error ? (
        <a
          ref={linkRef}
          className="button button--primary"
          href={routeHref.debrief(attemptId)}
          data-testid="to-debrief"
        >
          {t('ending.debrief')}
        </a>
      ) : null}
    </section>
  );
}
