import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type Region = 'library' | 'play' | 'debrief' | 'progress' | 'review' | 'author' | 'lms';

interface Props {
  region: Region;
  children: ReactNode;
  /** Called before re-rendering the children after "Try again" (e.g. to reload data). */
  onRetry?: () => void;
}

interface State {
  error: Error | null;
}

/** One boundary per region: a crash in the debrief must not take the library down with it. */
export class RegionBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for whoever files the bug; the trainee sees the localized fallback.
    console.error(`[${this.props.region}]`, error, info.componentStack);
  }

  private retry = () => {
    this.props.onRetry?.();
    this.setState({ error: null });
  };

  override render() {
    if (this.state.error)
      return <RegionFallback region={this.props.region} error={this.state.error} onRetry={this.retry} />;
    return this.props.children;
  }
}

function RegionFallback({ region, error, onRetry }: { region: Region; error: Error; onRetry: () => void }) {
  const { t } = useTranslation('common');
  return (
    <section className="panel panel--error" role="alert" aria-labelledby={`boundary-${region}`}>
      <h1 id={`boundary-${region}`}>{t(`boundary.title.${region}`)}</h1>
      <p>{t('boundary.body')}</p>
      <details>
        <summary>{t('boundary.details')}</summary>
        <pre className="error-detail">{error.message}</pre>
      </details>
      <button type="button" className="button button--primary" onClick={onRetry}>
        {t('retry')}
      </button>
    </section>
  );
}
