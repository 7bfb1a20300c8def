import { useTranslation } from 'react-i18next';
import { pickText } from '@/engine/format/localized-text';
import type { Scenario } from '@/engine/format/scenario-schema';
import type { PromiseRecord } from '@/engine/runtime/types';

/** Each promise the trainee made and what became of it. */
export function PromiseList({
  promises,
  scenario,
  locale,
}: {
  promises: PromiseRecord[];
  scenario: Scenario;
  locale: string;
}) {
  const { t } = useTranslation('ui');
  if (promises.length === 0) return <p>{t('promises.none')}</p>;
  return (
    <ul className="promise-list">
      {promises.map((p) => {
        const response = scenario.nodes[p.madeAt.node]?.responses?.find((r) => r.id === p.madeAt.response);
        const what = response?.promise ? pickText(response.promise.what, locale) : p.id;
        return (
          <li key={`${p.id}-${p.madeAt.turn}`} className={`promise promise--${p.status}`}>
            <span
              className={`badge badge--${p.status === 'kept' ? 'met' : p.status === 'broken' ? 'violated' : 'missed'}`}
            >
              {t(`promises.${p.status}`)}
            </span>{' '}
            {what}{' '}
            <span className="promise__when">
              {t('promises.when', { made: p.madeAt.turn, due: p.dueTurn })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
