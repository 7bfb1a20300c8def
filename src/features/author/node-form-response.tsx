import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rubric } from '@/engine/format/rubric-schema';
import {
  FLAG_FIELDS,
  MOOD_KEYS,
  type Json,
  type NodePath,
  type ResponseRead,
} from '@/state/author-node-edit';
import { CommitField, LocalizedFields } from './node-form-fields';
import { RuleChecklist } from './node-form-rules';

/** Writes `value` at `path` inside the node (undefined removes it). */
export type WriteAt = (path: NodePath, value: Json | undefined) => void;

interface Props {
  index: number;
  response: ResponseRead;
  nodeIds: readonly string[];
  locales: readonly string[];
  rubric: Rubric | null;
  locale: string;
  write: WriteAt;
  /** Text for a new promise, per locale. */
  newPromise: () => Json;
}

const toList = (value: string) => value.split(/[\s,，、]+/).filter(Boolean);
const toNumber = (value: string): number | null | 'bad' => {
  if (value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : 'bad';
};

/** One response of the node: its text per locale, rule tags, mood, next node, flags and promise. */
export function ResponseFields({
  index,
  response,
  nodeIds,
  locales,
  rubric,
  locale,
  write,
  newPromise,
}: Props) {
  const { t } = useTranslation('author');
  const id = useId();
  const at = (...rest: Array<string | number>): NodePath => ['responses', index, ...rest];
  const testId = `form-response-${index}`;
  const targets = nodeIds.includes(response.next) ? nodeIds : [response.next, ...nodeIds];
  return (
    <fieldset className="node-form__response" data-testid={testId}>
      <legend>{t('form.response', { n: index + 1, id: response.id })}</legend>
      <LocalizedFields
        label={t('form.responseText')}
        text={response.text}
        locales={locales}
        onCommit={(l, v) => write(l === null ? at('text') : at('text', l), v)}
        testId={`${testId}-text`}
      />
      <RuleChecklist
        rubric={rubric}
        tags={response.rules}
        locale={locale}
        onTag={(rule, tag) => write(at('rules', rule), tag ?? undefined)}
        testId={`${testId}-rules`}
      />
      <div className="node-form__row">
        {MOOD_KEYS.map((key) => (
          <CommitField
            key={key}
            number
            label={t(`form.mood.${key}`)}
            value={response.mood[key] === undefined ? '' : String(response.mood[key])}
            onCommit={(v) => {
              const n = toNumber(v);
              if (n !== 'bad') write(at('mood', key), n ?? undefined);
            }}
            testId={`${testId}-mood-${key}`}
          />
        ))}
        <div className="node-form__field">
          <label htmlFor={`${id}-next`}>{t('form.next')}</label>
          <select
            id={`${id}-next`}
            value={response.next}
            onChange={(e) => write(at('next'), e.target.value)}
            data-testid={`${testId}-next`}
          >
            {targets.map((target) => (
              <option key={target} value={target}>
                {target}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="field__hint">{t('form.moodHint')}</p>
      <div className="node-form__row">
        {FLAG_FIELDS.map((field) => (
          <CommitField
            key={field}
            label={t(`form.flags.${field}`)}
            value={response.flags[field].join(', ')}
            onCommit={(v) => {
              const list = toList(v);
              write(at(field), list.length ? list : undefined);
            }}
            testId={`${testId}-${field}`}
          />
        ))}
      </div>
      <p className="field__hint">{t('form.flags.hint')}</p>
      {response.promise ? (
        <fieldset className="node-form__promise">
          <legend>{t('form.promise.title')}</legend>
          <div className="node-form__row">
            <CommitField
              label={t('form.promise.id')}
              value={response.promise.id}
              onCommit={(v) => write(at('promise', 'id'), v.trim())}
              testId={`${testId}-promise-id`}
            />
            <CommitField
              number
              label={t('form.promise.turns')}
              value={response.promise.turns === null ? '' : String(response.promise.turns)}
              onCommit={(v) => {
                const n = toNumber(v);
                if (typeof n === 'number') write(at('promise', 'due', 'turns'), n);
              }}
              testId={`${testId}-promise-turns`}
            />
          </div>
          <LocalizedFields
            label={t('form.promise.what')}
            text={response.promise.what}
            locales={locales}
            onCommit={(l, v) => write(l === null ? at('promise', 'what') : at('promise', 'what', l), v)}
            testId={`${testId}-promise-what`}
          />
          <button type="button" className="button" onClick={() => write(at('promise'), undefined)}>
            {t('form.promise.remove')}
          </button>
        </fieldset>
      ) : (
        <button type="button" className="button" onClick={() => write(at('promise'), newPromise())}>
          {t('form.promise.add')}
        </button>
      )}
    </fieldset>
  );
}
