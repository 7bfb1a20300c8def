import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINCIPLES } from '@/engine/format/ids';
import { pickText } from '@/engine/format/localized-text';
import type { RecordResult, RecordTurn } from '@/records/attempt-record';
import type { ClockProblem, RecordPlausibility } from '@/records/plausibility';
import { useRecords, type AttemptDetail, type ModelAnswer } from '@/state/records-store';
import { AnnotatedTranscript } from '@/ui/annotated-transcript';
import { MoodCurve } from '@/ui/mood-curve';
import { ScoreChart } from '@/ui/score-chart';
import { LoadingPanel } from '@/ui/status-panel';
import { AttemptVerdict } from './coaching-verdict';
import { saveFile } from '@/state/save-file';
import { formatDate, formatDuration, traineeHref } from './review-format';
import { useDuplicates } from './use-duplicates';
import { PlausibilityBadge, VerificationBadge } from './verification-badge';

function SimpleTranscript({ turns }: { turns: RecordTurn[] }) {
  const { t } = useTranslation('review');
  return (
    <ol className="transcript" data-testid="simple-transcript">
      {turns.map((turn, i) => (
        <li key={i} className="transcript__turn">
          <h3>{t('attempt.turn', { turn: i + 1, node: turn.node })}</h3>
          {/* Imported text is shown as text, never as markup. */}
          <p>{turn.silence ? t('attempt.silence') : (turn.text ?? turn.responseId ?? '')}</p>
          {turn.msToAnswer !== null ? (
            <p className="review-muted">
              {t('attempt.answeredIn', { seconds: Math.round(turn.msToAnswer / 100) / 10 })}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/**
 * What the timings and the other stored attempts say about this one. Flags point at attempts worth
 * a question; they are not proof, and their absence is not proof either.
 */
function PlausibilityPanel({ id, plausibility }: { id: string; plausibility: RecordPlausibility }) {
  const { t } = useTranslation('review');
  const rows = useRecords((s) => s.rows);
  const duplicates = useDuplicates();
  const copies = useMemo(
    () =>
      duplicates.has(id) && plausibility.fingerprint
        ? rows.filter((r) => r.id !== id && r.fingerprint === plausibility.fingerprint)
        : [],
    [duplicates, id, plausibility.fingerprint, rows],
  );
  const flags = [...plausibility.flags, ...(copies.length ? (['duplicate'] as const) : [])];
  const clockText = (p: ClockProblem) =>
    t(`plausibility.clock.${p.kind}`, 'turn' in p ? { turn: p.turn } : {});
  return (
    <section
      className={flags.length ? 'notice notice--warn' : 'notice'}
      data-testid="attempt-plausibility"
      data-flags={flags.join(' ')}
      aria-labelledby="plausibility-title"
    >
      <div>
        <h2 id="plausibility-title" className="review-subhead">
          {t('plausibility.title')} <PlausibilityBadge flags={flags} />
        </h2>
        {flags.length ? null : (
          <p>{t(plausibility.minReadMs === null ? 'plausibility.noneUnread' : 'plausibility.none')}</p>
        )}
        <ul>
          {plausibility.flags.includes('too-fast') ? (
            <li data-testid="flag-too-fast">
              {t('plausibility.long.too-fast', {
                elapsed: seconds(Math.max(0, plausibility.elapsedMs)),
                answering: plausibility.answerMs === null ? '—' : seconds(plausibility.answerMs),
                reading: seconds(plausibility.minReadMs ?? 0),
              })}
            </li>
          ) : null}
          {plausibility.flags.includes('clock-backwards') ? (
            <li data-testid="flag-clock-backwards">
              {t('plausibility.long.clock-backwards')} {plausibility.clock.map(clockText).join(' ')}
            </li>
          ) : null}
          {copies.length ? (
            <li data-testid="flag-duplicate">
              {t('plausibility.long.duplicate')}{' '}
              {copies.map((r, i) => (
                <span key={r.id}>
                  {i ? ', ' : ''}
                  <a href={traineeHref(r.traineeId)}>{r.traineeName}</a>
                </span>
              ))}
            </li>
          ) : null}
        </ul>
        <p className="review-muted">{t('plausibility.proof')}</p>
      </div>
    </section>
  );
}

export function AttemptPage({ attemptId }: { attemptId: string }) {
  const { t, i18n } = useTranslation('review');
  const openAttempt = useRecords((s) => s.openAttempt);
  const modelAnswers = useRecords((s) => s.modelAnswers);
  const exportAttempts = useRecords((s) => s.exportAttempts);
  const titles = useRecords((s) => s.titles);
  // Keyed by id, so a stale answer for the previous attempt never shows as this one.
  const [loaded, setLoaded] = useState<{ id: string; detail: AttemptDetail | null } | null>(null);
  const [models, setModels] = useState<{ id: string; answers: ModelAnswer[] } | null>(null);
  const detail = loaded?.id === attemptId ? loaded.detail : 'loading';
  const lng = i18n.language;

  useEffect(() => {
    let live = true;
    void openAttempt(attemptId).then((d) => {
      if (!live) return;
      setLoaded({ id: attemptId, detail: d });
      // The model answers search the graph; the attempt is on screen meanwhile.
      if (d)
        void modelAnswers(d).then((answers) => {
          if (live) setModels({ id: attemptId, answers });
        });
    });
    return () => {
      live = false;
    };
  }, [attemptId, openAttempt, modelAnswers]);

  const back = (
    <p>
      <a href="#/review">{t('attempt.back')}</a>
    </p>
  );
  if (detail === 'loading') return <LoadingPanel label={t('loading')} />;
  if (!detail) {
    return (
      <>
        {back}
        <p data-testid="attempt-not-found">{t('attempt.notFound')}</p>
      </>
    );
  }
  const { record, scenario, rubric, check } = detail;
  const title = scenario
    ? pickText(scenario.title, lng)
    : titles[record.scenario.id]
      ? pickText(titles[record.scenario.id]!, lng)
      : record.scenario.id;
  const bars = (result: RecordResult) =>
    PRINCIPLES.map((p) => ({ key: p, label: t(`principle.${p}`), score: result.scores[p] }));
  const exportOne = async () => {
    const exported = await exportAttempts([record.id]);
    if (exported) saveFile(exported.filename, exported.blob);
  };
  const state = check.state;

  return (
    <article className="review-attempt" data-testid="attempt-page">
      {back}
      <h1>{t('attempt.title', { scenario: title, name: record.trainee.name })}</h1>
      <p className="review-muted">
        <a href={traineeHref(record.trainee.id)}>{record.trainee.name}</a> ·{' '}
        {t('attempt.meta', {
          date: formatDate(record.startedAt, lng),
          duration: formatDuration(Math.max(0, record.finishedAt - record.startedAt), t),
          turns: record.turns.length,
          status: t(`attempt.status.${record.status}`),
        })}
      </p>
      {/* Pass or fail first, a critical violation before anything else. */}
      <AttemptVerdict attempt={{ ...record.result, status: record.status }} testId="attempt-overall" />
      <div
        className={`notice ${check.verification === 'verified' ? '' : 'notice--warn'}`}
        data-testid="attempt-verification"
      >
        {/* One block inside the notice (a flex row), so the explanation reads under its badge. */}
        <div>
          <VerificationBadge value={check.verification} />{' '}
          <span>{t(`verification.explain.${check.verification}`)}</span>
          {check.differences.length ? (
            <>
              <h2 className="review-subhead">{t('attempt.differences')}</h2>
              <ul>
                {check.differences.map((d) => (
                  <li key={d}>
                    <code>{d}</code>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </div>
      <PlausibilityPanel id={record.id} plausibility={check.plausibility} />
      <div className="review-summary__grid">
        <div>
          <h2 className="review-subhead">{t('attempt.scores')}</h2>
          <ScoreChart
            title={t('attempt.scores')}
            bars={bars(record.result)}
            passMark={record.result.passMark}
            testIdPrefix="attempt-score"
          />
        </div>
        {check.verification === 'mismatch' && check.recomputed ? (
          <div>
            <h2 className="review-subhead">{t('attempt.recomputed')}</h2>
            <ScoreChart
              title={t('attempt.recomputed')}
              bars={bars(check.recomputed)}
              passMark={check.recomputed.passMark}
              testIdPrefix="recomputed-score"
            />
          </div>
        ) : null}
        <div>
          <h2 className="review-subhead">{t('attempt.mood')}</h2>
          <MoodCurve
            title={t('attempt.mood')}
            points={check.recomputed?.moodCurve ?? record.result.moodCurve}
          />
        </div>
      </div>
      {scenario && rubric && state ? (
        <section>
          <h2>{t('attempt.transcript')}</h2>
          <AnnotatedTranscript
            scenario={scenario}
            rubric={rubric}
            turns={state.turns}
            openingVariant={state.openingVariant}
            closingEvidence={state.closingEvidence}
            modelAnswers={models?.id === attemptId ? models.answers : []}
            locale={lng}
          />
        </section>
      ) : (
        <section>
          <h2>{t('attempt.simpleTranscript')}</h2>
          <SimpleTranscript turns={record.turns} />
        </section>
      )}
      <button type="button" className="button" onClick={() => void exportOne()}>
        {t('attempt.exportOne')}
      </button>
    </article>
  );
}
