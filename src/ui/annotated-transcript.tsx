import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '@/engine/format/localized-text';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import type { Evidence, TurnRecord } from '@/engine/runtime/types';
import { sayText, variantBefore } from '@/engine/runtime/customer-lines';
import { EvidenceItem } from './evidence-item';
import { TurnReview } from './turn-review';

export interface ModelAnswer {
  turn: number;
  node: string;
  responseId: string;
}

interface Props {
  scenario: Scenario;
  rubric: Rubric;
  turns: TurnRecord[];
  /** The variant the customer spoke before the first turn. */
  openingVariant?: number;
  closingEvidence: Evidence[];
  modelAnswers?: ModelAnswer[];
  locale: string;
  /** Extra controls per turn (the debrief's "what if" button). */
  turnExtra?: (turn: TurnRecord) => ReactNode;
}

/** Every turn with what was said, how it scored and why, and what the best path would have said. */
export function AnnotatedTranscript({
  scenario,
  rubric,
  turns,
  openingVariant = 0,
  closingEvidence,
  modelAnswers = [],
  locale,
  turnExtra,
}: Props) {
  const { t } = useTranslation('ui');
  const text = (value: Parameters<typeof pickText>[0]) => pickText(value, locale);
  return (
    <ol className="transcript">
      {turns.map((turn) => {
        const node = scenario.nodes[turn.node];
        const chosen = node?.responses?.find((r) => r.id === turn.responseId);
        const model = modelAnswers.find((a) => a.turn === turn.turn);
        const modelResponse = model ? node?.responses?.find((r) => r.id === model.responseId) : undefined;
        const said = sayText(node, variantBefore({ openingVariant, turns }, turn.turn));
        return (
          <li key={turn.turn} className="transcript__turn" data-testid={`transcript-turn-${turn.turn}`}>
            <h3>{t('transcript.turn', { turn: turn.turn })}</h3>
            {said ? (
              <p className="transcript__customer">
                <span className="transcript__who">{text(scenario.customer.name)}</span> {text(said)}
              </p>
            ) : null}
            <TurnReview
              turn={turn}
              chosen={chosen}
              modelResponse={modelResponse}
              rubric={rubric}
              locale={locale}
            />
            {turnExtra?.(turn)}
          </li>
        );
      })}
      {closingEvidence.length ? (
        <li className="transcript__turn transcript__closing">
          <h3>{t('transcript.closing')}</h3>
          <ul className="evidence-list">
            {closingEvidence.map((e, i) => (
              <EvidenceItem key={i} evidence={e} rubric={rubric} locale={locale} />
            ))}
          </ul>
        </li>
      ) : null}
    </ol>
  );
}
