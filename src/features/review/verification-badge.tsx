import { useTranslation } from 'react-i18next';
import type { PlausibilityFlag } from '@/records/aggregate';
import type { AttemptRow } from '@/records/attempt-row';

/** Whether the stored score is consistent with the stored responses. Consistent is not proof of who played. */
export function VerificationBadge({ value }: { value: AttemptRow['verification'] }) {
  const { t } = useTranslation('review');
  return (
    <span
      className={`review-verify review-verify--${value}`}
      title={t(`verification.explain.${value}`)}
      data-testid="verification"
      data-verification={value}
    >
      {t(`verification.${value}`)}
    </span>
  );
}

/** Shown beside the score check when an attempt raises a plausibility flag; nothing otherwise. */
export function PlausibilityBadge({ flags }: { flags: readonly PlausibilityFlag[] }) {
  const { t } = useTranslation('review');
  if (!flags.length) return null;
  const reasons = flags.map((f) => t(`plausibility.short.${f}`)).join('; ');
  return (
    <span
      className="review-verify review-verify--implausible"
      title={reasons}
      data-testid="plausibility"
      data-flags={flags.join(' ')}
    >
      <span aria-hidden="true">⚠ </span>
      {t('plausibility.badge')}
      <span className="visually-hidden">: {reasons}</span>
    </span>
  );
}
