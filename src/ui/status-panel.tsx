import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function LoadingPanel({ label }: { label?: string }) {
  const { t } = useTranslation('common');
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('loading')}
    </p>
  );
}

export function ErrorPanel({
  title,
  message,
  onRetry,
  children,
}: {
  title: string;
  message?: string | null;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation('common');
  return (
    <section className="panel panel--error" role="alert">
      <h2>{title}</h2>
      {message ? <p className="error-detail">{message}</p> : null}
      {children}
      {onRetry ? (
        <button type="button" className="button button--primary" onClick={onRetry}>
          {t('retry')}
        </button>
      ) : null}
    </section>
  );
}

export function EmptyPanel({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section className="panel panel--empty">
      <h2>{title}</h2>
      {children}
    </section>
  );
}
