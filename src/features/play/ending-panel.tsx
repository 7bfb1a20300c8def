import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outcome } from '@/engine/format/ids';
import { pickText, type LocalizedText } from '@/engine/format/localized-text';
import type { ReactNode } from 'react';
import type { RecordResult } from '@/records/attempt-record';
import { routeHref } from '@/state/route';

interface Props {
  outcome: Outcome | null;
  /** The stored result (null in a preview): passed or not is said before the story's ending. */
  result: Pick<RecordResult, 'passed' | 'overall' | 'passMark' | 'critical'> | null;
  ruleTitle: (rule: string) => string;
  summary: LocalizedText | undefined;
  locale: string;
  /** The stored attempt's id: only then is there a debrief to offer. */
  savedAttemptId: string | null;
  saving: boolean;
  /** Shown instead of the debrief when this attempt could not be stored (StorageTrouble). */
  unsaved: ReactNode;
  /** Set when the stored attempt lives only in this tab (memory-only storage): offers it as a file. */
  onDownloadSaved?: () => void;
}

export function EndingPanel({
  outcome,
  result,
  ruleTitle,
  summary,
  locale,
  savedAttemptId,
  saving,
  unsaved,
  onDownloadSaved,
}: Props) {
  const { t } = useTranslation('play');
  const linkRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (!saving && savedAttemptId) linkRef.current?.focus();
  }, [saving, savedAttemptId]);
  return (
    <section className="ending panel" aria-labelledby="ending-title" data-testid="ending">
      <h2 id="ending-title">{t('ending.title')}</h2>
      {result ? (
        <p
          className={`ending__verdict ending__verdict--${result.passed ? 'passed' : 'failed'}`}
          data-testid="ending-verdict"
          data-passed={String(result.passed)}
        >
          {result.passed
            ? t('ending.passed', { overall: result.overall })
            : result.critical[0]
              ? t('ending.failedCritical', {
                  rule: ruleTitle(result.critical[0].rule),
                  turn: result.critical[0].turn,
                })
              : t('ending.failed', { overall: result.overall, passMark: result.passMark })}
        </p>
      ) : null}
      {outcome ? <p className={`outcome outcome--${outcome}`}>{t(`ending.outcome.${outcome}`)}</p> : null}
      {/* The story's closing words can praise the call; beside a fail they would tell the wrong story. */}
      {summary && result?.passed !== false ? <p>{pickText(summary, locale)}</p> : null}
      {saving ? (
        <p role="status">{t('ending.saving')}</p>
      ) : savedAttemptId ? (
        <>
          {onDownloadSaved ? <p data-testid="memory-only-ending">{t('ending.memoryOnly')}</p> : null}
          <div className="debrief__actions">
            <a
              ref={linkRef}
              className="button button--primary"
              href={routeHref.debrief(savedAttemptId)}
              data-testid="to-debrief"
            >
              {t('ending.debrief')}
            </a>
            {onDownloadSaved ? (
              <button type="button" className="button" onClick={onDownloadSaved} data-testid="download-saved">
                {t('ending.download')}
              </button>
            ) : null}
          </div>
        </>
      ) : (
        unsaved
      )}
    </section>
  );
}
