import { useTranslation } from 'react-i18next';
import type { AttemptRow } from '@/records/attempt-row';

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
