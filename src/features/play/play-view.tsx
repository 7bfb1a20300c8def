import { LazyMotion, MotionConfig } from 'framer-motion';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from 'react-i18next';
import { pickText } from '@/engine/format/localized-text';
import { conversationLines } from '@/state/conversation';
import { callProgress, draftsToAbandon, usePlay } from '@/state/play-store';
import { isPreviewId, loadCatalogueIndex, previewStart } from '@/state/catalogue';
import { navigate, routeHref } from '@/state/route';
import { timerOn, useSettings } from '@/state/settings-store';
import { useTrainee } from '@/state/trainee-store';
import { CustomerAvatar } from '@/ui/customer-avatar';
import { Dialog } from '@/ui/dialog';
import { MoodMeter } from '@/ui/mood-meter';
import { ErrorPanel, LoadingPanel } from '@/ui/status-panel';
import { TraineeForm } from '@/ui/trainee-form';
import { Briefing } from './briefing';
import { CallHeader } from './call-header';
import { ConversationView } from './conversation-view';
import { EndingPanel } from './ending-panel';
import { errorText, PlayNotices } from './play-notices';
import { PlaySettings } from './play-settings';
import { ResponsePanel } from './response-panel';
import { shownResponses } from '@/engine/runtime/display-order';
import { LeaveOtherDialog, RestartDialog } from './confirm-abandon';
import { TurnTimer } from './turn-timer';
import { useTypingReveal } from './use-typing-reveal';
import { VoiceOnCall } from './voice-mount';
import './play.css';

// An attempt that could not be stored is rare: what Play shows for it loads when it happens.
const StorageTrouble = lazy(() => import('./storage-trouble'));

// The animation features load on demand; MotionConfig honours prefers-reduced-motion for every `m` inside.
const loadMotionFeatures = () => import('./motion-features').then((m) => m.default);

function Motion({ children }: { children: ReactNode }) {
  return (
    <LazyMotion features={loadMotionFeatures} strict>
      <MotionConfig reducedMotion="user">{children}</MotionConfig>
    </LazyMotion>
  );
}

export function PlayView({ scenarioId }: { scenarioId: string }) {
  return (
    <Motion>
      <PlayScreen scenarioId={scenarioId} />
    </Motion>
  );
}

function PlayScreen({ scenarioId }: { scenarioId: string }) {
  const { t, i18n } = useTranslation('play');
  const locale = i18n.language;
  const trainee = useTrainee((s) => s.trainee);
  const setTrainee = useTrainee((s) => s.setTrainee);
  // One subscription for the fields this screen shows; a change elsewhere in the store skips it.
  const play = usePlay(
    useShallow((s) => ({
      attemptId: s.attemptId,
      briefing: s.briefing,
      dismissNotice: s.dismissNotice,
      download: s.download,
      draftError: s.draftError,
      entry: s.entry,
      error: s.error,
      notices: s.notices,
      open: s.open,
      pause: s.pause,
      paused: s.paused,
      phase: s.phase,
      quit: s.quit,
      rejected: s.rejected,
      result: s.result,
      rubric: s.rubric,
      respond: s.respond,
      scenarioId: s.scenarioId,
      restart: s.restart,
      retrySave: s.retrySave,
      savedAttemptId: s.savedAttemptId,
      session: s.session,
      setLocale: s.setLocale,
      startCall: s.startCall,
      storage: s.storage,
      storageReason: s.storageReason,
      unpause: s.unpause,
      unsaved: s.unsaved,
    })),
  );
  const { open, setLocale } = play;
  const typingMs = useSettings((s) => s.typingMs);
  const turnTimer = useSettings((s) => s.turnTimer);
  const phoneTimer = useSettings((s) => s.phoneTimer);
  const [confirmQuit, setConfirmQuit] = useState(false);
  const [confirmRestart, setConfirmRestart] = useState(false);
  // Opening closes this trainee's free drafts of other scenarios as abandoned: asked first.
  const [leaving, setLeaving] = useState<{ key: string; titles: string[] } | null>(null);
  const [cleared, setCleared] = useState<string | null>(null);
  const openKey = `${scenarioId}\u0000${trainee?.id ?? ''}`;

  useEffect(() => {
    if (!trainee) return;
    let live = true;
    void draftsToAbandon(scenarioId, trainee.id)
      .catch(() => [])
      .then(async (drafts) => {
        if (drafts.length === 0) return live && setCleared(openKey);
        // Titles from the index: asking needs no scenario's content.
        const summaries = (await loadCatalogueIndex().catch(() => null))?.scenarios ?? [];
        const titles = drafts.map((d) => {
          const found = summaries.find((s) => s.id === d.state.scenarioId);
          return found ? pickText(found.title, locale) : d.state.scenarioId;
        });
        if (live) setLeaving({ key: openKey, titles });
      });
    return () => {
      live = false;
    };
    // Checked once per scenario and trainee, like the open it guards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openKey]);

  useEffect(() => {
    if (trainee && cleared === openKey) void open(scenarioId, trainee, locale);
    // Opening once per scenario; a language switch must not restart the attempt.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cleared, openKey, open]);

  useEffect(() => setLocale(locale), [locale, setLocale]);

  const session = play.session;
  const scenario = play.entry?.scenario;
  const lines = useMemo(
    () => (session && scenario ? conversationLines(scenario, session.state) : []),
    [session, scenario],
  );
  const latestCustomer = [...lines].reverse().find((l) => l.kind === 'customer') ?? null;
  // A stage note alone is narration, shown at once: nobody is typing it.
  const { typing, skip } = useTypingReveal(latestCustomer?.say ? latestCustomer.id : null, typingMs);
  const name = scenario ? pickText(scenario.customer.name, locale) : '';
  const said = (text: string) => (text ? t('conversation.says', { name, text }) : '');
  const announcement = typing
    ? ''
    : lines.at(-1)?.kind === 'silence'
      ? said(t('conversation.stillThere'))
      : latestCustomer?.kind === 'customer'
        ? [pickText(latestCustomer.note, locale), said(pickText(latestCustomer.say, locale))]
            .filter(Boolean)
            .join(' ')
        : '';
  const progress = useMemo(
    () => (session && scenario ? callProgress(session, play.rubric) : null),
    [session, scenario, play.rubric],
  );

  const download = () => void play.download('unsaved');
  const retry = () => void play.retrySave();

  const respond = play.respond;
  const choose = useCallback((id: string) => void respond({ choice: id }), [respond]);
  const type = useCallback((text: string) => void respond({ text }), [respond]);
  const silence = useCallback(() => void respond({ silence: true }), [respond]);

  if (!trainee) {
    return (
      <div className="play">
        <h1>{t('needTrainee')}</h1>
        <TraineeForm onSubmit={(name, id) => setTrainee(name, id)} />
      </div>
    );
  }
  if (leaving?.key === openKey && cleared !== openKey)
    return (
      <LeaveOtherDialog
        titles={leaving.titles}
        onStay={() => navigate(routeHref.library())}
        onLeave={() => setCleared(openKey)}
      />
    );
  // Until this scenario's open has begun, the store still holds whatever Play showed before.
  if (cleared !== openKey || play.scenarioId !== scenarioId) return <LoadingPanel label={t('loading')} />;
  if (play.phase === 'missing')
    return (
      <ErrorPanel title={t('missing.title')} message={t('missing.body', { id: scenarioId })}>
        <p>
          <a href={routeHref.library()}>{t('missing.back')}</a>
        </p>
      </ErrorPanel>
    );
  if (play.phase === 'error')
    return (
      <ErrorPanel
        title={t('error')}
        message={play.error}
        onRetry={() => void open(scenarioId, trainee, locale)}
      />
    );
  if (!session || !scenario || play.phase === 'loading' || play.phase === 'idle')
    return <LoadingPanel label={t('loading')} />;
  const state = session.state;
  const ended = state.status === 'ended';
  const turn = state.turns.length + 1;
  const thisUnsaved = play.unsaved.find((u) => u.record.id === play.attemptId) ?? null;
  // The ending panel speaks for this attempt once it has ended; the notice for every other one.
  const otherUnsaved = ended && thisUnsaved ? play.unsaved.filter((u) => u !== thisUnsaved) : play.unsaved;
  // A trainer's preview says so, with the way back to the node it came from.
  const from = previewStart(scenarioId).startAt?.node ?? null;
  const previewNote = isPreviewId(scenarioId) ? (
    <p className="notice" data-testid="play-preview">
      {from ? t('preview.fromNode', { node: from }) : t('preview.whole')}{' '}
      <a href={routeHref.author(from)} data-testid="play-back-to-editor">
        {t('preview.editor')}
      </a>
    </p>
  ) : null;
  // Shown on the briefing too: storage trouble matters before the first answer.
  const notices = (
    <>
      {previewNote}
      <PlayNotices
        notices={play.notices}
        turn={turn}
        draftError={play.draftError}
        storageReason={play.storageReason}
        unsaved={
          otherUnsaved.length > 0 ? (
            <Suspense fallback={null}>
              <StorageTrouble
                others={otherUnsaved.length}
                error={otherUnsaved.at(-1)!.error}
                onDownload={download}
                onRetry={retry}
              />
            </Suspense>
          ) : null
        }
        onDismiss={play.dismissNotice}
        onRestart={() =>
          // Nothing answered yet: nothing to abandon, so nothing to ask.
          state.turns.length > 0 ? setConfirmRestart(true) : void play.restart()
        }
      />
    </>
  );

  if (play.briefing && play.rubric)
    return (
      <div className="play" data-testid="play" data-status="briefing">
        {notices}
        <Briefing
          scenario={scenario}
          rubric={play.rubric}
          locale={locale}
          timed={
            timerOn({ turnTimer, phoneTimer }, scenario.channel) &&
            Object.values(scenario.nodes).some((n) => n.timeLimit)
          }
          onStart={play.startCall}
        />
      </div>
    );

  const node = scenario.nodes[state.node];
  const customerName = pickText(scenario.customer.name, locale);
  const dialogOpen = confirmQuit || confirmRestart || play.paused;
  const canAnswer = !ended && !dialogOpen && play.phase === 'playing';
  const endingNode = state.ending ? scenario.nodes[state.ending.node] : undefined;

  return (
    <div
      className={`play play--${scenario.channel}`}
      data-testid="play"
      data-turn={turn}
      data-status={state.status}
    >
      <div className="play__head">
        <h1 className="play__title">{pickText(scenario.title, locale)}</h1>
        <div className="play__controls">
          <button
            type="button"
            className="button"
            onClick={play.pause}
            disabled={!canAnswer}
            data-testid="pause"
          >
            {t('controls.pause')}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => setConfirmQuit(true)}
            disabled={ended || dialogOpen}
            data-testid="quit"
          >
            {t('controls.quit')}
          </button>
        </div>
      </div>
      {notices}
      <div className="play__layout">
        <aside className="customer-panel" aria-label={t('customer.label')}>
          <CustomerAvatar name={customerName} anger={state.mood.anger} trust={state.mood.trust} />
          <p className="customer-panel__name">{customerName}</p>
          <MoodMeter kind="anger" value={state.mood.anger} />
          <MoodMeter kind="trust" value={state.mood.trust} />
          {scenario.role ? (
            <p className="customer-panel__role">
              {t('customer.role', { role: pickText(scenario.role, locale) })}
            </p>
          ) : null}
          <PlaySettings />
        </aside>
        <div className="play__main">
          {!ended && progress ? (
            <p
              className="play-progress"
              data-testid="progress"
              data-turn={progress.turn}
              data-total={progress.total}
            >
              {t('progress', { turn: progress.turn, total: progress.total })}
            </p>
          ) : null}
          <CallHeader
            channel={scenario.channel}
            customerName={customerName}
            paused={play.paused}
            ended={ended}
          />
          <ConversationView
            lines={lines}
            customerName={customerName}
            locale={locale}
            typing={typing}
            onSkipTyping={skip}
            variant={scenario.channel}
          />
          <VoiceOnCall
            channel={scenario.channel}
            lineId={!typing && latestCustomer?.say ? latestCustomer.id : null}
            text={latestCustomer ? pickText(latestCustomer.say, locale) : ''}
            locale={locale}
            anger={state.mood.anger}
          />
          <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-region">
            {announcement ? t('conversation.says', { name: customerName, text: announcement }) : ''}
          </div>
          {play.rejected ? (
            <p className="notice notice--warn" role="alert">
              {t(`rejected.${play.rejected}`)}
            </p>
          ) : null}
          {ended ? (
            <EndingPanel
              outcome={state.ending?.outcome ?? null}
              summary={endingNode?.ending?.summary}
              locale={locale}
              result={play.result}
              ruleTitle={(rule) => {
                const title = play.rubric?.rules[rule]?.title;
                return title ? pickText(title, locale) : rule;
              }}
              savedAttemptId={play.phase === 'ended' ? play.savedAttemptId : null}
              saving={play.phase === 'saving'}
              unsaved={
                thisUnsaved ? (
                  // Until its code has loaded, the trainee is told at least why.
                  <Suspense fallback={<p role="alert">{errorText(thisUnsaved.error)}</p>}>
                    <StorageTrouble error={thisUnsaved.error} onDownload={download} onRetry={retry} />
                  </Suspense>
                ) : null
              }
              onDownloadSaved={
                play.storage === 'memory' && !isPreviewId(scenarioId)
                  ? () => void play.download('saved')
                  : undefined
              }
            />
          ) : typing ? null : node?.responses ? (
            <>
              {timerOn({ turnTimer, phoneTimer }, scenario.channel) && node.timeLimit ? (
                <TurnTimer key={`${turn}`} seconds={node.timeLimit} running={canAnswer} onExpire={silence} />
              ) : null}
              <ResponsePanel
                responses={shownResponses(node.responses, state.seed, state.node)}
                freeText={Boolean(node.freeText)}
                locale={locale}
                turn={turn}
                node={state.node}
                enabled={canAnswer}
                onChoose={choose}
                onType={type}
              />
            </>
          ) : null}
        </div>
      </div>
      {play.paused ? (
        <Dialog
          title={t('pause.title')}
          onCancel={play.unpause}
          testId="pause-dialog"
          actions={
            <button type="button" className="button button--primary" onClick={play.unpause}>
              {t('pause.resume')}
            </button>
          }
        >
          <p>{t('pause.body')}</p>
        </Dialog>
      ) : null}
      {confirmRestart ? (
        <RestartDialog
          onCancel={() => setConfirmRestart(false)}
          onConfirm={() => {
            setConfirmRestart(false);
            void play.restart();
          }}
        />
      ) : null}
      {confirmQuit ? (
        <Dialog
          title={t('quit.title')}
          onCancel={() => setConfirmQuit(false)}
          testId="quit-dialog"
          actions={
            <>
              <button type="button" className="button" onClick={() => setConfirmQuit(false)}>
                {t('quit.stay')}
              </button>
              <button
                type="button"
                className="button button--danger"
                onClick={async () => {
                  setConfirmQuit(false);
                  // Not stored: stay, where the notice offers the download and a retry.
                  if ((await play.quit()).saved) navigate(routeHref.library());
                }}
              >
                {t('quit.confirm')}
              </button>
            </>
          }
        >
          <p>{t('quit.body')}</p>
        </Dialog>
      ) : null}
    </div>
  );
}
