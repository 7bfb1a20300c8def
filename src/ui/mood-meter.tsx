import { m } from 'framer-motion';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  kind: 'anger' | 'trust';
  value: number;
}

/** An ARIA meter whose fill eases to the new value; MotionConfig makes it instant under reduced motion. */
export function MoodMeter({ kind, value }: Props) {
  const { t } = useTranslation('ui');
  const id = useId();
  const rounded = Math.round(value);
  return (
    <div className={`meter meter--${kind}`}>
      <div className="meter__label" id={id}>
        <span>{t(`meter.${kind}`)}</span>
        <span className="meter__value" data-testid={`meter-${kind}`}>
          {rounded}
        </span>
      </div>
      <div
        className="meter__track"
        role="meter"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={rounded}
      >
        <m.div
          className="meter__fill"
          initial={false}
          animate={{ width: `${Math.min(100, Math.max(0, value))}%` }}
          transition={{ type: 'spring', stiffness: 120, damping: 20 }}
        />
      </div>
    </div>
  );
}
