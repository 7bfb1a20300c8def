import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '@/engine/format/scenario-schema';
import type { StartAt } from '@/engine/runtime/types';
import { MOOD_RANGE, scenarioFlags } from '@/state/author-preview';
import { useAuthorSelection } from '@/state/author-selection';

interface Props {
  /** The draft as last checked; null while it does not load. */
  scenario: Scenario | null;
  /** The check is fresh and has no errors: a preview can start. */
  enabled: boolean;
  /** Starts the preview; returns why it could not, or null once Play opens. */
  onPlay: (startAt: StartAt) => string | null;
}

const MOODS = ['anger', 'trust'] as const;

/**
 * "Play from here": the draft played from a chosen node, starting mood and flags, through the real
 * Play view. The node follows the one selected in the editor, outline or graph, and can be picked.
 */
export function PreviewPanel({ scenario, enabled, onPlay }: Props) {
  const { t } = useTranslation('author');
  const id = useId();
  const selected = useAuthorSelection((s) => s.nodeId);
  const nodes = useMemo(() => (scenario ? Object.keys(scenario.nodes) : []), [scenario]);
  const flags = useMemo(() => (scenario ? scenarioFlags(scenario) : []), [scenario]);
  // A number typed over the scenario's own mood; null: the scenario's.
  const [mood, setMood] = useState<Record<(typeof MOODS)[number], string | null>>({
    anger: null,
    trust: null,
  });
  const [set, setSet] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);

  // The Author view's selected node (editor, outline, graph or this list) is the one to play from.
  const node =
    selected && nodes.includes(selected)
      ? selected
      : scenario && nodes.includes(scenario.start)
        ? scenario.start
        : '';
  const moodValue = (key: (typeof MOODS)[number]) => mood[key] ?? String(scenario?.customer.mood[key] ?? '');
  const moodOk = (key: (typeof MOODS)[number]) => {
    const value = Number(moodValue(key));
    return moodValue(key).trim() !== '' && value >= MOOD_RANGE.min && value <= MOOD_RANGE.max;
  };
  const ready = enabled && scenario !== null && node !== '' && MOODS.every(moodOk);

  const play = () => {
    if (!ready) return;
    setProblem(
      onPlay({
        node,
        mood: { anger: Number(moodValue('anger')), trust: Number(moodValue('trust')) },
        flags: flags.filter((f) => set.has(f)),
      }),
    );
  };

  return (
    <section className="author-preview-from" aria-labelledby={`${id}-title`} data-testid="preview-from">
      <h2 id={`${id}-title`}>{t('previewFrom.title')}</h2>
      <p className="author-muted" id={`${id}-intro`}>
        {t('previewFrom.intro')}
      </p>
      <div className="field">
        <label htmlFor={`${id}-node`}>{t('previewFrom.node')}</label>
        <select
          id={`${id}-node`}
          value={node}
          disabled={!scenario}
          onChange={(e) => useAuthorSelection.getState().select(e.target.value, 'form')}
          data-testid="preview-from-node"
        >
          {nodes.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field" disabled={!scenario}>
        <legend>{t('previewFrom.mood')}</legend>
        {MOODS.map((key) => (
          <label key={key} className="author-preview-from__mood">
            {t(`previewFrom.${key}`)}{' '}
            <input
              type="number"
              inputMode="numeric"
              min={MOOD_RANGE.min}
              max={MOOD_RANGE.max}
              step={1}
              value={moodValue(key)}
              aria-invalid={!moodOk(key)}
              aria-describedby={`${id}-range`}
              onChange={(e) => setMood((m) => ({ ...m, [key]: e.target.value }))}
              data-testid={`preview-from-${key}`}
            />
          </label>
        ))}
        <p id={`${id}-range`} className="field__hint">
          {t('previewFrom.range', { min: MOOD_RANGE.min, max: MOOD_RANGE.max })}
        </p>
      </fieldset>
      <fieldset className="field" disabled={!scenario}>
        <legend>{t('previewFrom.flags')}</legend>
        {flags.length === 0 ? <p className="author-muted">{t('previewFrom.noFlags')}</p> : null}
        {flags.map((flag) => (
          <label key={flag} className="author-preview-from__flag">
            <input
              type="checkbox"
              checked={set.has(flag)}
              onChange={(e) =>
                setSet((s) => {
                  const next = new Set(s);
                  if (e.target.checked) next.add(flag);
                  else next.delete(flag);
                  return next;
                })
              }
            />{' '}
            <code>{flag}</code>
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        className="button button--primary"
        disabled={!ready}
        aria-describedby={`${id}-intro`}
        onClick={play}
        data-testid="preview-from-play"
      >
        {t('previewFrom.play')}
      </button>
      {!enabled ? <p className="author-muted">{t('toolbar.previewBlocked')}</p> : null}
      {problem ? (
        <p className="notice notice--warn" role="alert" data-testid="preview-from-problem">
          {problem === 'not-checked' ? t('previewFrom.notChecked') : problem}
        </p>
      ) : null}
    </section>
  );
}
