import { useTranslation } from 'react-i18next';
import { useRecords } from '@/state/records-store';

/** Memory-only storage and write failures are shown, never swallowed: the manager must know. */
export function StorageNotice() {
  const { t } = useTranslation('review');
  const storage = useRecords((s) => s.storage);
  const error = useRecords((s) => s.error);
  const dismiss = useRecords((s) => s.dismissError);
  return (
    <>
      {storage === 'memory' ? (
        <p className="notice notice--warn" role="alert" data-testid="storage-memory">
          {t('storage.memory')}
        </p>
      ) : null}
      {error ? (
        <div className="notice notice--warn" role="alert" data-testid="storage-error">
          <p>
            {error.kind === 'quota' ? t('storage.quota') : t('storage.failed', { message: error.message })}
          </p>
          <button type="button" className="button button--small" onClick={dismiss}>
            {t('storage.dismiss')}
          </button>
        </div>
      ) : null}
    </>
  );
}
