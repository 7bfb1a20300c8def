import { forwardRef, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINCIPLES } from '@/engine/format/ids';
import { pickText } from '@/engine/format/localized-text';
import { sayText, variantBefore } from '@/engine/runtime/customer-lines';
import type { AttemptResult } from '@/engine/runtime/types';
import { conversationLines } from '@/state/conversation';
import { whatIf, type DebriefData, type WhatIfOutcome } from '@/state/debrief-store';

// Loaded when the trainee opens "What if…?" (named on-demand-* so the trainee budget counts it apart).

interface Props {
  data: DebriefData;
  locale: string;
  turn: number;
  onTurnChange: (turn: number) => void;
}

const score = (n: number | null | undefined) => (n === null || n === undefined ? '—' : String(Math.round(n)));

/** Pick an earlier turn, answer differently, and see where the conversation would have gone. */
export const WhatIfPanel = forwardRef<HTMLElement, Props>(function WhatIfPanel(
  { data, locale, turn, onTurnChange },
  ref,
) {
  const { t } = useTranslation('debrief');
  const id = useId();
  const turns = data.state.turns;
  const current = turns[turn - 1];
  const node = current ? data.scenario.nodes[current.node] : undefined;
  const said = sayText(node, variantBefore(data.state, turn));
  const [choice, setChoice] = useState<string>('');
  const [outcome, setOutcome] = useState<WhatIfOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  if (turns.length === 0) return null;

  const run = async () => {
    if (!choice) return;
    setBusy(true);
    try {
      setOutcome(await whatIf(data, turn, { choice }));
    } finally {
      setBusy(false);
    }
  };

  const original: AttemptResult = data.recomputed;
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="panel what-if"
      aria-labelledby={`${id}-title`}
      data-testid="what-if"
    >
      <h2 id={`${id}-title`}>{t('whatIf.title')}</h2>
      <p>{t('whatIf.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-turn`}>{t('whatIf.turn')}</label>
        <select
          id={`${id}-turn`}
          value={turn}
          onChange={(e) => {
            onTurnChange(Number(e.target.value));
            setChoice('');
            setOutcome(null);
          }}
        >
          {turns.map((tr) => (
            <option key={tr.turn} value={tr.turn}>
              {t('whatIf.turnOption', { turn: tr.turn })}
            </option>
          ))}
        </select>
      </div>
      {said ? (
        <p className="what-if__say">
          <span className="transcript__who">{pickText(data.scenario.customer.name, locale)}</span>{' '}
          {pickText(said, locale)}
        </p>
      ) : null}
      <fieldset className="what-if__choices">
        <legend>{t('whatIf.choose')}</legend>
        {node?.responses?.map((r) => (
          <label key={r.id} className="radio">
            <input
              type="radio"
              name={`${id}-choice`}
              value={r.id}
              checked={choice === r.id}
              onChange={() => setChoice(r.id)}
            />
            <span>
              {pickText(r.text, locale)}
              {r.id === current?.responseId ? <em className="what-if__yours"> {t('whatIf.yours')}</em> : null}
            </span>
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        className="button button--primary"
        onClick={() => void run()}
        disabled={!choice || busy}
        data-testid="what-if-run"
      >
        {t('whatIf.run')}
      </button>
      {busy ? <p role="status">{t('whatIf.working')}</p> : null}

      {outcome ? (
        <div className="what-if__result" aria-live="polite">
          <table className="data-table compare" data-testid="what-if-table">
            <caption>{t('whatIf.compare', { turn: outcome.turn })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('whatIf.measure')}</th>
                <th scope="col">{t('whatIf.original')}</th>
                <th scope="col">{t('whatIf.alternate')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('scores.overall')}</th>
                <td>{score(original.overall)}</td>
                <td data-testid="what-if-overall">{score(outcome.result.overall)}</td>
              </tr>
              {PRINCIPLES.map((p) => (
                <tr key={p}>
                  <th scope="row">{t(`principle.${p}`)}</th>
                  <td>{score(original.principles[p].score)}</td>
                  <td>{score(outcome.result.principles[p].score)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('whatIf.passed')}</th>
                <td>{original.passed ? t('result.passed') : t('result.failed')}</td>
                <td>{outcome.result.passed ? t('result.passed') : t('result.failed')}</td>
              </tr>
              <tr>
                <th scope="row">{t('whatIf.outcome')}</th>
                <td>{original.outcome ? t(`outcome.${original.outcome}.name`) : '—'}</td>
                <td>{outcome.result.outcome ? t(`outcome.${outcome.result.outcome}.name`) : '—'}</td>
              </tr>
              <tr>
                <th scope="row">{t('whatIf.finalMood')}</th>
                <td>
                  {t('whatIf.mood', {
                    anger: Math.round(original.finalMood.anger),
                    trust: Math.round(original.finalMood.trust),
                  })}
                </td>
                <td>
                  {t('whatIf.mood', {
                    anger: Math.round(outcome.result.finalMood.anger),
                    trust: Math.round(outcome.result.finalMood.trust),
                  })}
                </td>
              </tr>
            </tbody>
          </table>
          <p>{t('whatIf.continued', { count: outcome.continuedTurns })}</p>
          <details>
            <summary>{t('whatIf.conversation')}</summary>
            <ol className="what-if__lines">
              {conversationLines(data.scenario, outcome.state)
                .slice(1)
                .map((line) =>
                  line.kind === 'silence' ? null : (
                    <li key={line.id} className={`line line--${line.kind}`}>
                      <span className="line__who">
                        {line.kind === 'trainee'
                          ? t('whatIf.you')
                          : pickText(data.scenario.customer.name, locale)}
                      </span>{' '}
                      {pickText(line.kind === 'trainee' ? line.text : line.say, locale)}
                    </li>
                  ),
                )}
            </ol>
          </details>
        </div>
      ) : null}
    </section>
  );
});
