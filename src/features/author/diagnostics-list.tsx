import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '@/engine/load/diagnostic';

const SHOWN = 200;
const ICONS = { error: '✖', warning: '▲', info: 'ℹ' } as const;

interface Props {
  diagnostics: Diagnostic[];
  onGoTo: (line: number, column: number) => void;
}

/** The validator's findings; a located one is a button that puts the caret on its line and column. */
export function DiagnosticsList({ diagnostics, onGoTo }: Props) {
  const { t } = useTranslation('author');
  if (diagnostics.length === 0) return <p className="author-muted">{t('diagnostics.none')}</p>;
  const shown = diagnostics.slice(0, SHOWN);
  return (
    <>
      <ul className="author-diagnostics" data-testid="author-diagnostics">
        {shown.map((d, i) => {
          const body = (
            <>
              <span className={`author-diagnostic__severity author-diagnostic__severity--${d.severity}`}>
                <span aria-hidden="true">{ICONS[d.severity]}</span> {t(`severity.${d.severity}`)}
              </span>{' '}
              <code className="author-diagnostic__where">
                {d.line !== null ? `${d.line}:${d.column ?? 1}` : t('diagnostics.wholeFile')}
              </code>{' '}
              <code className="author-diagnostic__code">{d.code}</code>{' '}
              <span className="author-diagnostic__message">{d.message}</span>
              {d.hint ? (
                <>
                  {' '}
                  <span className="author-diagnostic__hint">{t('diagnostics.hint', { hint: d.hint })}</span>
                </>
              ) : null}
            </>
          );
          return (
            <li key={i} className={`author-diagnostic author-diagnostic--${d.severity}`} data-code={d.code}>
              {d.line !== null ? (
                <button
                  type="button"
                  className="author-diagnostic__go"
                  onClick={() => onGoTo(d.line!, d.column ?? 1)}
                  title={t('diagnostics.goTo', { line: d.line, column: d.column ?? 1 })}
                >
                  {body}
                </button>
              ) : (
                <div className="author-diagnostic__go">{body}</div>
              )}
            </li>
          );
        })}
      </ul>
      {diagnostics.length > shown.length ? (
        <p className="author-muted">{t('diagnostics.more', { count: diagnostics.length - shown.length })}</p>
      ) : null}
    </>
  );
}
