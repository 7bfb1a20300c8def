import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOMES } from '@/engine/format/ids';
import {
  addNode,
  addResponse,
  editNode,
  readNode,
  type Json,
  type NodeRead,
  type TextChange,
} from '@/state/author-node-edit';
import { useAuthor } from '@/state/author-store';
import { useAuthorSelection } from '@/state/author-selection';
import { useCatalogue } from '@/state/catalogue';
import { LocalizedFields } from './node-form-fields';
import { ResponseFields, type WriteAt } from './node-form-response';
import './node-form.css';

/**
 * Makes changes from the text they apply to; the view hands them to the editor as one undoable
 * edit, at once, and says whether they were made.
 */
export type ApplyChanges = (make: (text: string) => TextChange[]) => boolean;

interface Props {
  onChanges: ApplyChanges;
}

/** Past this size the form reads the draft once typing in the editor pauses, not on every keystroke. */
const LARGE_TEXT = 200_000;
const LARGE_DELAY_MS = 300;

function useSettled(text: string): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    if (text.length < LARGE_TEXT) return;
    const timer = setTimeout(() => setSettled(text), LARGE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return text.length < LARGE_TEXT ? text : settled;
}

/**
 * The selected node as a form for trainers who do not write JSON: the customer's line per locale,
 * each response with its text, rules, mood, next node, flags and promise; adding a response or a
 * node. Every change is written into the JSON (the one source of truth) as a small edit the editor
 * can undo; the form then shows what the JSON says.
 */
export function NodeForm({ onChanges }: Props) {
  const { t } = useTranslation('author');
  const id = useId();
  const nodeId = useAuthorSelection((s) => s.nodeId);
  const select = useAuthorSelection((s) => s.select);
  const text = useSettled(useAuthor((s) => s.text));
  const read = useMemo(() => (nodeId ? readNode(text, nodeId) : null), [text, nodeId]);

  let body;
  if (!nodeId || !read) body = <p className="author-muted">{t('form.empty')}</p>;
  else if (read.state === 'syntax')
    body = (
      <p className="notice notice--warn" data-testid="form-syntax">
        {t('form.syntax')}
      </p>
    );
  else if (read.state === 'no-nodes') body = <p className="author-muted">{t('form.noNodes')}</p>;
  else if (read.state === 'missing')
    body = <p className="author-muted">{t('form.missing', { id: nodeId })}</p>;
  else
    body = (
      <NodeFields
        key={nodeId}
        node={read.node}
        nodeIds={read.nodeIds}
        locales={read.locales}
        onChanges={onChanges}
        onAdded={(added) => select(added, 'form')}
      />
    );

  return (
    <section className="node-form" aria-labelledby={`${id}-title`} data-testid="author-node-form">
      <h2 id={`${id}-title`}>{nodeId ? t('form.titleNode', { id: nodeId }) : t('form.title')}</h2>
      {body}
    </section>
  );
}

interface FieldsProps {
  node: NodeRead;
  nodeIds: readonly string[];
  locales: readonly string[];
  onChanges: ApplyChanges;
  onAdded: (nodeId: string) => void;
}

function NodeFields({ node, nodeIds, locales, onChanges, onAdded }: FieldsProps) {
  const { t, i18n } = useTranslation('author');
  const locale = i18n.language;
  const id = useId();
  const rubric = useCatalogue((s) => s.catalogue?.rubric ?? null);
  const [link, setLink] = useState('');
  const [kind, setKind] = useState<'turn' | 'ending'>('turn');

  const write: WriteAt = (path, value) => onChanges((text) => editNode(text, node.id, path, value));
  /** A placeholder in each of the scenario's locales, in that locale's words. */
  const placeholder = (key: 'newLine' | 'newResponse' | 'newPromise'): Json => {
    if (locales.length === 0) return t(`form.placeholder.${key}`);
    return Object.fromEntries(
      locales.map((l) => [l, i18n.getFixedT(l, 'author')(`form.placeholder.${key}`)]),
    );
  };
  // A new response goes where the node's first one goes: a valid target the trainer then changes.
  const defaultNext = node.responses[0]?.next || (nodeIds.find((n) => n !== node.id) ?? node.id);
  const turn = node.outcome === null && !node.branch;

  const onAddResponse = () =>
    onChanges((text) => addResponse(text, node, { text: placeholder('newResponse'), next: defaultNext }));

  const onAddNode = () => {
    let added = '';
    const made = onChanges((text) => {
      const at = link === '' ? undefined : { nodeId: node.id, response: Number(link) };
      // The ids of the text as it is now, so the new id is free even if the form lags behind.
      const now = readNode(text, node.id);
      const created = addNode(text, now.state === 'ok' ? now.nodeIds : nodeIds, {
        say: placeholder('newLine'),
        ...(kind === 'ending'
          ? { ending: 'resolved' }
          : { response: { text: placeholder('newResponse'), next: defaultNext } }),
        ...(at ? { link: at } : {}),
      });
      added = created.id;
      return created.changes;
    });
    if (made && added) onAdded(added);
  };

  return (
    <div className="node-form__body">
      <p className="author-muted">
        {node.outcome !== null
          ? t('form.kind.ending')
          : node.branch
            ? t('form.kind.branch')
            : t('form.kind.turn', { count: node.responses.length })}
      </p>
      {node.say.kind === 'variants' ? (
        node.say.variants.map((variant, k) => (
          <fieldset key={k} className="node-form__variant">
            <legend>
              {t('form.variant', { n: k + 1 })}{' '}
              {variant.condition ? <code className="author-muted">{variant.condition}</code> : null}
            </legend>
            <LocalizedFields
              label={t('form.say')}
              text={variant.text}
              locales={locales}
              onCommit={(l, v) => write(l === null ? ['say', k, 'text'] : ['say', k, 'text', l], v)}
              testId={`form-say-${k}`}
            />
          </fieldset>
        ))
      ) : (
        <LocalizedFields
          label={t('form.say')}
          text={node.say}
          locales={locales}
          onCommit={(l, v) => write(l === null ? ['say'] : ['say', l], v)}
          testId="form-say"
        />
      )}

      {node.outcome !== null ? (
        <div className="node-form__field">
          <label htmlFor={`${id}-outcome`}>{t('form.outcome')}</label>
          <select
            id={`${id}-outcome`}
            value={node.outcome}
            onChange={(e) => write(['ending', 'outcome'], e.target.value)}
            data-testid="form-outcome"
          >
            {(OUTCOMES as readonly string[]).includes(node.outcome) ? null : (
              <option value={node.outcome}>{node.outcome}</option>
            )}
            {OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {t(`outcome.${outcome}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}

      {node.responses.map((response, index) => (
        <ResponseFields
          key={index}
          index={index}
          response={response}
          nodeIds={nodeIds}
          locales={locales}
          rubric={rubric}
          locale={locale}
          write={write}
          newPromise={() => ({
            id: 'new-promise',
            what: placeholder('newPromise'),
            due: { turns: 3 },
          })}
        />
      ))}

      <p className="node-form__actions">
        <button
          type="button"
          className="button"
          disabled={!turn}
          aria-describedby={turn ? undefined : `${id}-no-responses`}
          onClick={onAddResponse}
          data-testid="form-add-response"
        >
          {t('form.addResponse')}
        </button>
        {turn ? null : (
          <span id={`${id}-no-responses`} className="author-muted">
            {t('form.noResponses')}
          </span>
        )}
      </p>

      <fieldset className="node-form__add">
        <legend>{t('form.addNode.title')}</legend>
        <div className="node-form__row">
          <div className="node-form__field">
            <label htmlFor={`${id}-kind`}>{t('form.addNode.kind')}</label>
            <select
              id={`${id}-kind`}
              value={kind}
              onChange={(e) => setKind(e.target.value as 'turn' | 'ending')}
            >
              <option value="turn">{t('form.addNode.turn')}</option>
              <option value="ending">{t('form.addNode.ending')}</option>
            </select>
          </div>
          <div className="node-form__field">
            <label htmlFor={`${id}-link`}>{t('form.addNode.link')}</label>
            <select
              id={`${id}-link`}
              value={link}
              onChange={(e) => setLink(e.target.value)}
              data-testid="form-link"
            >
              <option value="">{t('form.addNode.noLink')}</option>
              {node.responses.map((response, index) => (
                <option key={index} value={String(index)}>
                  {t('form.addNode.fromResponse', { n: index + 1, id: response.id })}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="button" className="button" onClick={onAddNode} data-testid="form-add-node">
          {t('form.addNode.add')}
        </button>
      </fieldset>
    </div>
  );
}
