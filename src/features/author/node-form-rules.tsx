import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINCIPLES } from '@/engine/format/ids';
import { pickText } from '@/engine/format/localized-text';
import type { Rubric, Rule } from '@/engine/format/rubric-schema';

interface Props {
  rubric: Rubric | null;
  /** The response's tags: positive meets the rule, negative breaks it; the magnitude is kept. */
  tags: Record<string, number>;
  locale: string;
  onTag: (ruleId: string, tag: number | null) => void;
  testId: string;
}

/**
 * The rubric's rules as a checklist grouped by principle, each with its title and the manual's own
 * words: "meets" and "breaks" per rule. Closed at first and drawn only when opened (36 rules times
 * eight responses is a lot of boxes to draw on every edit).
 */
export function RuleChecklist({ rubric, tags, locale, onTag, testId }: Props) {
  const { t } = useTranslation('author');
  const [open, setOpen] = useState(false);
  const met = Object.values(tags).filter((n) => n > 0).length;
  const broken = Object.values(tags).filter((n) => n < 0).length;
  const rules = rubric ? Object.entries(rubric.rules) : [];
  const unknown = Object.keys(tags).filter((id) => !rubric?.rules[id]);
  return (
    <details
      className="node-form__rules"
      onToggle={(e) => setOpen(e.currentTarget.open)}
      data-testid={testId}
    >
      <summary>{t('form.rules.summary', { met, broken })}</summary>
      {open ? (
        <>
          {rubric ? null : <p className="author-muted">{t('form.rules.noRubric')}</p>}
          {PRINCIPLES.map((principle) => {
            const group = rules.filter(([, rule]) => rule.principle === principle);
            if (group.length === 0) return null;
            return (
              <fieldset key={principle} className="node-form__principle">
                <legend>{pickText(rubric!.principles[principle].title, locale)}</legend>
                <ul>
                  {group.map(([ruleId, rule]) => (
                    <RuleRow
                      key={ruleId}
                      ruleId={ruleId}
                      rule={rule}
                      locale={locale}
                      tag={tags[ruleId]}
                      onTag={onTag}
                    />
                  ))}
                </ul>
              </fieldset>
            );
          })}
          {unknown.length > 0 ? (
            <fieldset className="node-form__principle">
              <legend>{t('form.rules.other')}</legend>
              <ul>
                {unknown.map((ruleId) => (
                  <RuleRow
                    key={ruleId}
                    ruleId={ruleId}
                    rule={null}
                    locale={locale}
                    tag={tags[ruleId]}
                    onTag={onTag}
                  />
                ))}
              </ul>
            </fieldset>
          ) : null}
        </>
      ) : null}
    </details>
  );
}

interface RowProps {
  ruleId: string;
  rule: Rule | null;
  locale: string;
  tag: number | undefined;
  onTag: (ruleId: string, tag: number | null) => void;
}

function RuleRow({ ruleId, rule, locale, tag, onTag }: RowProps) {
  const { t } = useTranslation('author');
  const id = useId();
  const title = rule ? pickText(rule.title, locale) : ruleId;
  const magnitude = Math.abs(tag ?? 1) || 1;
  return (
    <li className="node-form__rule" data-rule={ruleId}>
      <div className="node-form__rule-text">
        <span id={`${id}-title`} className="node-form__rule-title">
          {title}
        </span>{' '}
        <code className="author-muted">{ruleId}</code>
        {rule ? (
          <p className="node-form__quote">
            <q lang="zh-CN">{rule.quote}</q> <span className="author-muted">({rule.source})</span>
          </p>
        ) : null}
      </div>
      <div className="node-form__verdicts" role="group" aria-labelledby={`${id}-title`}>
        <label>
          <input
            type="checkbox"
            checked={tag !== undefined && tag > 0}
            onChange={(e) => onTag(ruleId, e.target.checked ? magnitude : null)}
            data-testid={`rule-met-${ruleId}`}
          />{' '}
          {t('form.rules.met')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={tag !== undefined && tag < 0}
            onChange={(e) => onTag(ruleId, e.target.checked ? -magnitude : null)}
            data-testid={`rule-violated-${ruleId}`}
          />{' '}
          {t('form.rules.violated')}
        </label>
      </div>
    </li>
  );
}
