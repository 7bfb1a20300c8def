import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINCIPLES } from '@/engine/format/ids';
import { pickText } from '@/engine/format/localized-text';
import { useDebrief } from '@/state/debrief-store';
import { routeHref } from '@/state/route';
import { MoodCurve } from '@/ui/mood-curve';
import { PromiseList } from '@/ui/promise-list';
import { ScoreChart } from '@/ui/score-chart';
import { ErrorPanel, LoadingPanel } from '@/ui/status-panel';
import { DebriefSummary } from './debrief-summary';
import { DebriefTurns } from './debrief-turns';
import { OutcomeExplainer } from './outcome-explainer';
import './debrief.css';

const practice = () => import('./on-demand-practice');
const PracticeCompare = lazy(() => practice().then((m) => ({ default: m.PracticeCompare })));
// "What if" is asked for, not read by everyone: its panel loads when the trainee opens it.
const WhatIfPanel = lazy(() => import('./on-demand-what-if').then((m) => ({ default: m.WhatIfPanel })));

export function DebriefView({ attemptId }: { attemptId: string }) {
  const { t, i18n } = useTranslation('debrief');
  const locale = i18n.language;
  const status = useDebrief((s) => s.status);
  const data = useDebrief((s) => s.data);
  const models = useDebrief((s) => s.models);
  const error = useDebrief((s) => s.error);
  const load = useDebrief((s) => s.load);
  const [whatIfTurn, setWhatIfTurn] = useState<number | null>(null);
  // The panel takes the keyboard when it appears for a turn the trainee picked (after it loads).
  const focusWhatIf = useRef(false);
  const whatIfRef = useCallback((panel: HTMLElement | null) => {
    if (panel && focusWhatIf.current) {
      focusWhatIf.current = false;
      panel.focus();
    }
  }, []);
  const openWhatIf = (turn: number) => {
    focusWhatIf.current = true;
    setWhatIfTurn(turn);
  };
  const [retryNote, setRetryNote] = useState<string | null>(null);

  useEffect(() => {
    void load(attemptId);
  }, [attemptId, load]);

  if (status === 'missing')
    return (
      <ErrorPanel title={t('missing.title')} message={t('missing.body')}>
        <p>
          <a href={routeHref.library()}>{t('actions.library')}</a>
        </p>
      </ErrorPanel>
    );
  if (status === 'error')
    return <ErrorPanel title={t('error')} message={error} onRetry={() => void load(attemptId)} />;
  if (status !== 'ready' || !data) return <LoadingPanel label={t('loading')} />;

  const { record, scenario, rubric, state, recomputed } = data;
  const result = record.result;
  const endingNode = state.ending ? scenario.nodes[state.ending.node] : undefined;
  const bars = PRINCIPLES.map((p) => ({ key: p, label: t(`principle.${p}`), score: result.scores[p] }));
  const finishedAt = new Date(record.finishedAt);
  const outcome = result.outcome;
  // A trainer's preview: in memory only, and the practice and what-if tools replay from the start.
  const preview = data.preview;

  const retryFrom = async (turn: number) => {
    setRetryNote(t('practice.starting'));
    const started = await practice()
      .then((m) => m.startPractice(record, turn))
      .catch(() => 'failed' as const);
    if (started !== 'started') setRetryNote(t(`practice.${started}`));
  };

  return (
    <article className="debrief" data-testid="debrief" aria-labelledby="debrief-title">
      <header className="page-head">
        <h1 id="debrief-title">{t('title', { scenario: pickText(scenario.title, locale) })}</h1>
        <p className="lead">
          {t('meta', {
            name: record.trainee.name,
            date: finishedAt.toLocaleString(locale),
            turns: record.turns.length,
          })}
        </p>
        {preview ? (
          <p className="notice" data-testid="preview-note" data-from={preview.from ?? ''}>
            {preview.from ? t('preview.fromNode', { node: preview.from }) : t('preview.whole')}
          </p>
        ) : null}
        {record.practice ? (
          <p className="notice" data-testid="practice-note">
            {t('practice.note', { turn: record.practice.fromTurn })}
          </p>
        ) : null}
      </header>

      <DebriefSummary data={data} locale={locale} />
      <div className="debrief__notices">
        {record.status === 'abandoned' ? <p className="notice notice--warn">{t('abandoned')}</p> : null}
        {preview ? null : data.mismatch ? (
          <p className="notice notice--warn" role="status" data-testid="debrief-check" data-check="mismatch">
            {t('mismatch')}
          </p>
        ) : (
          <p
            className={data.verification === 'verified' ? 'debrief__check' : 'notice notice--warn'}
            data-testid="debrief-check"
            data-check={data.verification}
          >
            {t(data.verification === 'verified' ? 'check.consistent' : 'check.unchecked')}
          </p>
        )}
      </div>

      {record.practice ? (
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          <PracticeCompare data={data} locale={locale} />
        </Suspense>
      ) : null}

      <section className="panel result" aria-labelledby="result-title">
        <h2 id="result-title">{t('scores.heading')}</h2>
        <p className="result__overall">
          <span>{t('scores.overall')}</span>{' '}
          <span
            className="result__number"
            data-testid="score-overall"
            data-value={String(Math.round(result.overall))}
          >
            {Math.round(result.overall)}
          </span>
          <span className="result__pass-mark"> {t('result.passMark', { mark: result.passMark })}</span>
        </p>
        <ScoreChart title={t('scores.title')} bars={bars} passMark={result.passMark} />
      </section>

      <OutcomeExplainer
        outcome={outcome}
        summary={endingNode?.ending?.summary}
        locale={locale}
        failed={!result.passed && outcome !== null && !rubric.failOutcomes.includes(outcome)}
      />

      <section className="panel" aria-labelledby="curve-title">
        <h2 id="curve-title">{t('curve.title')}</h2>
        <MoodCurve points={result.moodCurve} title={t('curve.caption')} />
      </section>

      <section className="panel" aria-labelledby="promises-title">
        <h2 id="promises-title">{t('promises.title')}</h2>
        <PromiseList promises={recomputed.promises} scenario={scenario} locale={locale} />
      </section>

      <section className="panel" aria-labelledby="transcript-title">
        <h2 id="transcript-title">{t('transcript.title')}</h2>
        {models === null ? <p role="status">{t('transcript.computingModel')}</p> : null}
        <DebriefTurns
          scenario={scenario}
          rubric={rubric}
          state={state}
          modelAnswers={models ?? []}
          locale={locale}
          turnExtra={(turn) =>
            preview ? null : (
              <>
                <button
                  type="button"
                  className="button button--small"
                  data-testid={`retry-from-${turn}`}
                  onClick={() => void retryFrom(turn)}
                >
                  {t('practice.retryFrom', { turn })}
                </button>
                <button type="button" className="button button--small" onClick={() => openWhatIf(turn)}>
                  {t('whatIf.fromHere', { turn })}
                </button>
              </>
            )
          }
        />
        {retryNote ? (
          <p className="notice no-print" role="status" data-testid="retry-note">
            {retryNote}
          </p>
        ) : null}
      </section>

      <div className="no-print">
        {whatIfTurn === null ? (
          state.turns.length && !preview ? (
            <button type="button" className="button" data-testid="what-if-open" onClick={() => openWhatIf(1)}>
              {t('whatIf.title')}
            </button>
          ) : null
        ) : (
          <Suspense fallback={<p role="status">{t('loading')}</p>}>
            <WhatIfPanel
              key={whatIfTurn}
              ref={whatIfRef}
              data={data}
              locale={locale}
              turn={whatIfTurn}
              onTurnChange={setWhatIfTurn}
            />
          </Suspense>
        )}
      </div>

      <nav className="debrief__actions no-print" aria-label={t('actions.label')}>
        {preview ? (
          <a
            className="button button--primary"
            href={routeHref.author(preview.from)}
            data-testid="back-to-editor"
          >
            {t('preview.editor')}
          </a>
        ) : null}
        <a
          className={preview ? 'button' : 'button button--primary'}
          href={routeHref.play(preview?.id ?? scenario.id)}
          data-testid="retry"
        >
          {preview ? t('preview.again') : t('actions.retry')}
        </a>
        {data.nextScenarioId ? (
          <a className="button" href={routeHref.play(data.nextScenarioId)} data-testid="next-scenario">
            {t('actions.next')}
          </a>
        ) : null}
        <button type="button" className="button" onClick={() => window.print()}>
          {t('actions.print')}
        </button>
        <a className="button button--ghost" href={routeHref.library()}>
          {t('actions.library')}
        </a>
      </nav>
    </article>
  );
}
