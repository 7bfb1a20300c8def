import { useTranslation } from 'react-i18next';
import type { Outcome } from '@/engine/format/ids';
import type { AttemptRow } from '@/records/attempt-row';
import { useRecords } from '@/state/records-store';
import { criticalRules, failReason, type FailReason } from './coaching-rule';
import { useRuleTitle } from './coaching-text';

/** The words for why an attempt failed. */
export function useFailText(): (reason: FailReason, passMark: number) => string {
  const { t } = useTranslation('review');
  const ruleTitle = useRuleTitle();
  return (reason, passMark) => {
    switch (reason.kind) {
      case 'critical':
        return reason.turn
          ? t('coaching.verdict.criticalTurn', { turn: reason.turn, rule: ruleTitle(reason.rule) })
          : t('coaching.verdict.critical', { rule: ruleTitle(reason.rule) });
      case 'outcome':
        return t('coaching.verdict.outcome', { outcome: t(`outcome.${reason.outcome}`) });
      case 'below-mark':
        return t('coaching.verdict.below-mark', { mark: passMark });
      default:
        return t('coaching.verdict.unfinished');
    }
  };
}

interface VerdictInput {
  passed: boolean;
  status?: AttemptRow['status'];
  overall: number;
  passMark?: number;
  outcome: Outcome | null;
  violated: readonly string[];
  critical?: ReadonlyArray<{ rule: string; turn: number }>;
}

/**
 * Pass or fail first; for a fail, why (a critical violation before anything else), and the
 * customer's ending only after it, never as the headline.
 */
export function AttemptVerdict({ attempt, testId }: { attempt: VerdictInput; testId?: string }) {
  const { t } = useTranslation('review');
  const rubric = useRecords((s) => s.rubric);
  const failText = useFailText();
  const passMark = attempt.passMark ?? rubric?.passMark ?? 70;
  const reason = failReason(attempt, criticalRules(rubric), rubric?.failOutcomes ?? []);
  const score = t('coaching.verdict.score', { score: Math.round(attempt.overall) });
  if (!reason) {
    const ending = attempt.outcome
      ? t('coaching.verdict.ending', { outcome: t(`outcome.${attempt.outcome}`) })
      : null;
    return (
      <p className="result--pass" data-testid={testId} data-passed="true">
        <strong>{t('coaching.verdict.passed')}</strong> · {score}
        {ending ? ` · ${ending}` : null}
      </p>
    );
  }
  return (
    <div className="notice notice--warn" data-testid={testId} data-passed="false" data-reason={reason.kind}>
      <div>
        <p className="result--fail">
          <strong>{t('coaching.verdict.failed')}</strong>:{' '}
          <span data-testid="fail-reason">{failText(reason, passMark)}</span>
        </p>
        {/* The customer's ending stays off a fail: "Loyal" beside it would read as a success. */}
        <p className="review-muted">{score}</p>
      </div>
    </div>
  );
}

/** The attempts table's outcome cell: a fail names its reason, not the customer's ending. */
export function OutcomeText({ row }: { row: AttemptRow }) {
  const { t } = useTranslation('review');
  const rubric = useRecords((s) => s.rubric);
  const failText = useFailText();
  const reason = failReason(row, criticalRules(rubric), rubric?.failOutcomes ?? []);
  if (!reason) return <>{t(`outcome.${row.outcome ?? 'none'}`)}</>;
  return <span className="result--fail">{failText(reason, rubric?.passMark ?? 70)}</span>;
}
