import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordsError } from '@/records/storage';
import { errorText } from './play-notices';

// What Play shows when an attempt could not be stored: why (the error by its name), the attempt kept
// in the page with its download and a retry, and a warning before the page is left. Rare, so it is
// fetched when needed (the on-demand-recovery chunk), not with every trainee's download.

interface Props {
  error: RecordsError | null;
  onDownload: () => void;
  onRetry: () => void;
  /**
   * How many attempts, other than one the ending is showing, are kept (a notice above the
   * conversation). Without it, this is the ending of the attempt that could not be stored.
   */
  others?: number;
}

export default function StorageTrouble({ error, onDownload, onRetry, others }: Props) {
  const { t } = useTranslation('play');
  const download = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // At the ending, focus moves to what comes next: keeping the attempt.
    if (!others) download.current?.focus();
    // While an attempt lives only in this page, leaving it asks first.
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [others]);
  const buttons = (
    <div className={others ? 'notice__actions' : 'debrief__actions'}>
      <button
        ref={download}
        type="button"
        className={`button ${others ? 'button--small' : 'button--primary'}`}
        onClick={onDownload}
        data-testid={others ? 'download-unsaved' : 'download-attempt'}
      >
        {t(others ? 'notice.download' : 'ending.download')}
      </button>
      <button
        type="button"
        className={`button${others ? ' button--small' : ''}`}
        onClick={onRetry}
        data-testid={others ? undefined : 'retry-save'}
      >
        {t(others ? 'notice.retry' : 'ending.retry')}
      </button>
    </div>
  );
  if (others)
    return (
      <div className="notice notice--warn" role="alert" data-testid="notice-unsaved">
        <p>{t('notice.unsaved', { count: others, error: errorText(error) })}</p>
        {buttons}
      </div>
    );
  return (
    <div data-testid="save-failed" data-error-name={error?.name ?? ''}>
      <p className="error-detail" role="alert">
        {t(error?.kind === 'quota' ? 'ending.quota' : 'ending.saveFailed', { error: errorText(error) })}
      </p>
      <p>{t('ending.keep')}</p>
      {buttons}
    </div>
  );
}
