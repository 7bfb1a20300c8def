import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordsError } from '@/records/storage';

// What Play shows when storage lets an attempt down: the error by its name, the attempt kept in the
// page with its download and a retry, and a warning before the page is left.

/** A storage error as the trainee sees it: the browser's name for it, and its message when it has one. */
export const errorText = (error: RecordsError | null | undefined): string =>
  error ? `${error.name || 'Error'}${error.message ? `: ${error.message}` : ''}` : '';

interface Keep {
  onDownload: () => void;
  onRetry: () => void;
}

/** While an attempt lives only in this page, leaving it asks first. */
function useLeaveGuard() {
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);
}

/** The ending of an attempt that could not be stored: why (the error's name), its download, a retry. */
export function SaveFailed({ error, onDownload, onRetry }: Keep & { error: RecordsError }) {
  const { t } = useTranslation('play');
  useLeaveGuard();
  // Focus moves to what comes next: keeping the attempt.
  const download = useRef<HTMLButtonElement>(null);
  useEffect(() => download.current?.focus(), []);
  return (
    <div data-testid="save-failed" data-error-name={error.name ?? ''}>
      <p className="error-detail" role="alert">
        {t(error.kind === 'quota' ? 'ending.quota' : 'ending.saveFailed', { error: errorText(error) })}
      </p>
      <p>{t('ending.keep')}</p>
      <div className="debrief__actions">
        <button
          ref={download}
          type="button"
          className="button button--primary"
          onClick={onDownload}
          data-testid="download-attempt"
        >
          {t('ending.download')}
        </button>
        <button type="button" className="button" onClick={onRetry} data-testid="retry-save">
          {t('ending.retry')}
        </button>
      </div>
    </div>
  );
}

/** Other attempts this page could not store (quit, restart, an earlier scenario): kept, downloadable. */
export function UnsavedNotice({
  count,
  error,
  onDownload,
  onRetry,
}: Keep & { count: number; error: RecordsError | null }) {
  const { t } = useTranslation('play');
  useLeaveGuard();
  const button = (label: string, onClick: () => void, testId?: string) => (
    <button type="button" className="button button--small" onClick={onClick} data-testid={testId}>
      {label}
    </button>
  );
  return (
    <div className="notice notice--warn" role="alert" data-testid="notice-unsaved">
      <p>{t('notice.unsaved', { count, error: errorText(error) })}</p>
      <div className="notice__actions">
        {button(t('notice.download'), onDownload, 'download-unsaved')}
        {button(t('notice.retry'), onRetry)}
      </div>
    </div>
  );
}
