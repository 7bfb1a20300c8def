import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINCIPLES } from '@/engine/format/ids';
import { pickText } from '@/engine/format/localized-text';
import type { Scenario } from '@/engine/format/scenario-schema';
import type { TurnRecord } from '@/engine/runtime/types';
import type { RecordResult } from '@/records/attempt-record';
import type { DebriefData } from '@/state/debrief-store';
import { openOriginal } from '@/state/practice-branch';
import { routeHref } from '@/state/route';

// Practice branches are a trainee's second look, not every debrief's: starting one and comparing it
// with its original load on demand (the chunk is named on-demand-* so the budget counts it apart).
export { startPractice } from '@/state/practice-branch';

interface Original {
  id: string;
  result: RecordResult;
  turns: TurnRecord[];
}

const score = (n: number | null) => (n === null ? '—' : String(Math.round(n)));

function Said({ turn, scenario, locale }: { turn?: TurnRecord; scenario: Scenario; locale: string }) {
  const { t } = useTranslation(['debrief', 'ui']);
  if (!turn) return <span className="compare__none">{t('practice.ended')}</span>;
  const input = turn.input;
  const wrong = turn.evidence.filter((e) => e.verdict !== 'met').length;
  const chosen = scenario.nodes[turn.node]?.responses?.find((r) => r.id === turn.responseId);
  return (
    <>
      {'silence' in input
        ? t('ui:transcript.silence')
        : 'text' in input
          ? input.text
          : chosen
            ? pickText(chosen.text, locale)
            : '—'}
      {wrong ? <span className="badge badge--violated">{t('turns.wrong', { count: wrong })}</span> : null}
    </>
  );
}

/** A practice branch beside its original, from the turn where they part: answers, scores and ending. */
export function PracticeCompare({ data, locale }: { data: DebriefData; locale: string }) {
  const { t } = useTranslation('debrief');
  const practice = data.record.practice!;
  const [original, setOriginal] = useState<Original | null | 'missing'>(null);

  useEffect(() => {
    let live = true;
    void openOriginal(practice.of)
      .then((opened) => {
        if (!live) return;
        const turns = opened?.check.state?.turns;
        setOriginal(
          opened && turns ? { id: opened.record.id, result: opened.record.result, turns } : 'missing',
        );
      })
      .catch(() => live && setOriginal('missing'));
    return () => {
      live = false;
    };
  }, [practice.of]);

  const from = practice.fromTurn;
  const mine = data.record.result;
  return (
    <section className="panel practice" aria-labelledby="practice-title" data-testid="practice-compare">
      <h2 id="practice-title">{t('practice.title', { turn: from })}</h2>
      <p>
        {t('practice.intro', { turn: from })}{' '}
        <a href={routeHref.debrief(practice.of)} data-testid="practice-original">
          {t('practice.openOriginal')}
        </a>
      </p>
      {original === null ? <p role="status">{t('loading')}</p> : null}
      {original === 'missing' ? <p className="notice notice--warn">{t('practice.missing')}</p> : null}
      {original && original !== 'missing' ? (
        <div className="compare__wrap">
          <table className="data-table compare" data-testid="practice-scores">
            <caption>{t('practice.scores')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('whatIf.measure')}</th>
                <th scope="col">{t('practice.original')}</th>
                <th scope="col">{t('practice.branch')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('whatIf.passed')}</th>
                <td>{original.result.passed ? t('result.passed') : t('result.failed')}</td>
                <td>{mine.passed ? t('result.passed') : t('result.failed')}</td>
              </tr>
              <tr>
                <th scope="row">{t('scores.overall')}</th>
                <td data-testid="practice-original-overall">{score(original.result.overall)}</td>
                <td data-testid="practice-branch-overall">{score(mine.overall)}</td>
              </tr>
              {PRINCIPLES.map((p) => (
                <tr key={p}>
                  <th scope="row">{t(`principle.${p}`)}</th>
                  <td>{score(original.result.scores[p])}</td>
                  <td>{score(mine.scores[p])}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('whatIf.outcome')}</th>
                <td data-testid="practice-original-outcome">
                  {original.result.outcome ? t(`outcome.${original.result.outcome}.name`) : '—'}
                </td>
                <td data-testid="practice-branch-outcome">
                  {mine.outcome ? t(`outcome.${mine.outcome}.name`) : '—'}
                </td>
              </tr>
            </tbody>
          </table>
          <table className="data-table compare compare--turns" data-testid="practice-turns">
            <caption>{t('practice.turns', { turn: from })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('whatIf.turn')}</th>
                <th scope="col">{t('practice.original')}</th>
                <th scope="col">{t('practice.branch')}</th>
              </tr>
            </thead>
            <tbody>
              {Array.from(
                { length: Math.max(original.turns.length, data.state.turns.length) - from + 1 },
                (_, i) => from + i,
              ).map((n) => (
                <tr key={n}>
                  <th scope="row">{n}</th>
                  <td>
                    <Said turn={original.turns[n - 1]} scenario={data.scenario} locale={locale} />
                  </td>
                  <td>
                    <Said turn={data.state.turns[n - 1]} scenario={data.scenario} locale={locale} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
