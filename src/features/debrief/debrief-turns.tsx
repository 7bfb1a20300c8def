import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '@/engine/format/localized-text';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import { sayText, variantBefore } from '@/engine/runtime/customer-lines';
import type { Evidence, SessionState } from '@/engine/runtime/types';
import type { ModelAnswer } from '@/state/debrief-store';
import { EvidenceItem } from '@/ui/evidence-item';
import { TurnReview } from '@/ui/turn-review';

export const turnAnchor = (turn: number | 'closing') => `debrief-turn-${turn}`;

/** Opens a turn (collapsed or not), brings it into view and puts the keyboard on its summary. */
export function showTurn(turn: number | 'closing'): void {
  const details = document.getElementById(turnAnchor(turn));
  if (!(details instanceof HTMLDetailsElement)) return;
  details.open = true;
  details.scrollIntoView({ block: 'start' });
  details.querySelector('summary')?.focus();
}

const wentWrong = (evidence: Evidence[]) => evidence.some((e) => e.verdict !== 'met');

/**
 * Paper has no disclosure widgets: every turn opens while the page prints, and the ones the trainee
 * had left closed close again afterwards.
 */
function useOpenForPrint() {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>('details.debrief-turn:not([open])')];
      for (const d of opened) d.open = true;
    };
    const after = () => {
      for (const d of opened) d.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
}

interface Props {
  scenario: Scenario;
  rubric: Rubric;
  state: SessionState;
  modelAnswers: ModelAnswer[];
  locale: string;
  /** Controls under each turn: "what if" and "retry from this turn". */
  turnExtra: (turn: number) => ReactNode;
}

/**
 * Every turn with what was said, how it scored and why, and the model answer. Closed by default so
 * the page reads as a summary; the turns where something went wrong start open.
 */
export function DebriefTurns({ scenario, rubric, state, modelAnswers, locale, turnExtra }: Props) {
  const { t } = useTranslation(['debrief', 'ui']);
  useOpenForPrint();
  const text = (value: Parameters<typeof pickText>[0]) => pickText(value, locale);
  const { turns, closingEvidence } = state;
  return (
    <ol className="transcript">
      {turns.map((turn) => {
        const node = scenario.nodes[turn.node];
        const chosen = node?.responses?.find((r) => r.id === turn.responseId);
        const model = modelAnswers.find((a) => a.turn === turn.turn);
        const modelResponse = model ? node?.responses?.find((r) => r.id === model.responseId) : undefined;
        const said = sayText(node, variantBefore(state, turn.turn));
        const wrong = turn.evidence.filter((e) => e.verdict !== 'met').length;
        return (
          <li key={turn.turn} className="transcript__turn" data-testid={`transcript-turn-${turn.turn}`}>
            <details className="debrief-turn" id={turnAnchor(turn.turn)} open={wrong > 0}>
              <summary>
                <h3>{t('ui:transcript.turn', { turn: turn.turn })}</h3>{' '}
                <span className={`debrief-turn__tally${wrong ? ' debrief-turn__tally--wrong' : ''}`}>
                  {wrong
                    ? t('turns.wrong', { count: wrong })
                    : t('turns.fine', { count: turn.evidence.length })}
                </span>
              </summary>
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
              <div className="debrief-turn__actions no-print">{turnExtra(turn.turn)}</div>
            </details>
          </li>
        );
      })}
      {closingEvidence.length ? (
        <li className="transcript__turn transcript__closing">
          <details className="debrief-turn" id={turnAnchor('closing')} open={wentWrong(closingEvidence)}>
            <summary>
              <h3>{t('ui:transcript.closing')}</h3>
            </summary>
            <ul className="evidence-list">
              {closingEvidence.map((e, i) => (
                <EvidenceItem key={i} evidence={e} rubric={rubric} locale={locale} />
              ))}
            </ul>
          </details>
        </li>
      ) : null}
    </ol>
  );
}
