import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '@/engine/load/diagnostic';

/** A scenario file that failed to load, pointing at file:line:column so the trainer can fix it. */
export function DiagnosticCard({ file, diagnostics }: { file: string; diagnostics: Diagnostic[] }) {
  const { t } = useTranslation('ui');
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const shown = (errors.length ? errors : diagnostics).slice(0, 5);
  return (
    <article className="card card--problem" data-testid="scenario-problem">
      <h3>{t('problem.title')}</h3>
      <ul className="problem-list">
        {shown.map((d, i) => (
          <li key={i}>
            <code className="problem-location">
              {d.line !== null ? `${file}:${d.line}:${d.column ?? 1}` : file}
            </code>
            <span className="problem-code">{d.code}</span>
            <span>{d.message}</span>
            {d.path ? <code className="problem-path">{d.path}</code> : null}
            {d.hint ? <span className="problem-hint">{t('problem.hint', { hint: d.hint })}</span> : null}
          </li>
        ))}
      </ul>
      {diagnostics.length > shown.length ? (
        <p>{t('problem.more', { count: diagnostics.length - shown.length })}</p>
      ) : null}
    </article>
  );
}
