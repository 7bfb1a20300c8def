import { useTranslation } from 'react-i18next';
import { pickText } from '@/engine/format/localized-text';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { ScenarioResponse } from '@/engine/format/scenario-schema';
import type { TurnRecord } from '@/engine/runtime/types';
import { EvidenceItem } from './evidence-item';
import { HighlightedReply } from './highlighted-reply';

interface Props {
  turn: TurnRecord;
  /** The response the trainee chose (or a typed reply was placed on), if any. */
  chosen: ScenarioResponse | undefined;
  /** The best path's response at this turn, when known. */
  modelResponse: ScenarioResponse | undefined;
  rubric: Rubric;
  locale: string;
}

/**
 * One turn reviewed: what the trainee said (their typed words with the words behind each verdict
 * marked), beside the model answer, then each rule it met or broke and why. Shared by the debrief and
 * Review's attempt page, so both read a turn the same way.
 */
export function TurnReview({ turn, chosen, modelResponse, rubric, locale }: Props) {
  const { t } = useTranslation('ui');
  const text = (value: Parameters<typeof pickText>[0]) => pickText(value, locale);
  const input = turn.input;
  return (
    <>
      <div className="transcript__compare">
        <div className="transcript__yours">
          <h4>{t('transcript.yours')}</h4>
          {'silence' in input ? <p className="transcript__silence">{t('transcript.silence')}</p> : null}
          {'text' in input ? (
            <>
              <p className="transcript__typed">
                <HighlightedReply text={input.text} evidence={turn.evidence} />
              </p>
              {turn.customer?.reply === 'unclear' ? (
                <p className="transcript__reading">{t('transcript.unclear')}</p>
              ) : null}
            </>
          ) : null}
          {'choice' in input && chosen ? <p>{text(chosen.text)}</p> : null}
          {'choice' in input && chosen?.feedback ? (
            <p className="transcript__feedback">{text(chosen.feedback)}</p>
          ) : null}
        </div>
        {modelResponse ? (
          <div className="transcript__model">
            <h4>{t('transcript.model')}</h4>
            {modelResponse.id === turn.responseId && !('text' in input) ? (
              <p className="badge badge--met">{t('transcript.matchedModel')}</p>
            ) : (
              <p>{text(modelResponse.text)}</p>
            )}
          </div>
        ) : null}
      </div>
      {turn.evidence.length ? (
        <ul className="evidence-list">
          {turn.evidence.map((e, i) => (
            <EvidenceItem key={i} evidence={e} rubric={rubric} locale={locale} />
          ))}
        </ul>
      ) : (
        <p className="transcript__none">{t('transcript.noEvidence')}</p>
      )}
    </>
  );
}
