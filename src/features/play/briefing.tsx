import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINCIPLES, type Principle } from '@/engine/format/ids';
import { pickText } from '@/engine/format/localized-text';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';

/** The principles whose rules the scenario's responses are tagged with, in the rubric's order. */
export function examinedPrinciples(scenario: Scenario, rubric: Rubric): Principle[] {
  const found = new Set<Principle>();
  for (const node of Object.values(scenario.nodes))
    for (const response of node.responses ?? [])
      for (const rule of Object.keys(response.rules ?? {})) {
        const principle = rubric.rules[rule]?.principle;
        if (principle) found.add(principle);
      }
  return PRINCIPLES.filter((p) => found.has(p));
}

/**
 * What the trainee reads before a new attempt: who they are, who calls, the situation, what is
 * examined and how long it takes. Scenario text is data: React renders it as text, never as HTML.
 * The start button takes focus, so Enter starts the call.
 */
export function Briefing({
  scenario,
  rubric,
  locale,
  timed,
  onStart,
}: {
  scenario: Scenario;
  rubric: Rubric;
  locale: string;
  /** Some turns will count down (the timer is on and the scenario has time limits). */
  timed: boolean;
  onStart: () => void;
}) {
  const { t } = useTranslation('play');
  const start = useRef<HTMLButtonElement>(null);
  useEffect(() => start.current?.focus(), []);
  const principles = examinedPrinciples(scenario, rubric);
  const customer = pickText(scenario.customer.name, locale);
  return (
    <section className="briefing" aria-labelledby="briefing-title" data-testid="briefing">
      <p className="briefing__kicker">{t('briefing.kicker')}</p>
      <h1 id="briefing-title">{pickText(scenario.title, locale)}</h1>
      <dl className="briefing__facts">
        <div>
          <dt>{t('briefing.role')}</dt>
          <dd data-testid="briefing-role">
            {scenario.role ? pickText(scenario.role, locale) : t('briefing.defaultRole')}
          </dd>
        </div>
        <div>
          <dt>{t('briefing.customer')}</dt>
          <dd data-testid="briefing-customer">
            {t(`briefing.channel.${scenario.channel}`, { name: customer })}
          </dd>
        </div>
        <div>
          <dt>{t('briefing.situation')}</dt>
          <dd data-testid="briefing-situation">{pickText(scenario.brief, locale)}</dd>
        </div>
        {principles.length ? (
          <div>
            <dt>{t('briefing.principles')}</dt>
            <dd>
              <ul className="briefing__principles" data-testid="briefing-principles">
                {principles.map((p) => (
                  <li key={p} data-principle={p}>
                    {pickText(rubric.principles[p].title, locale)}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('briefing.time')}</dt>
          <dd data-testid="briefing-time">{t('briefing.minutes', { count: scenario.minutes })}</dd>
        </div>
      </dl>
      {timed ? <p className="briefing__timed">{t('briefing.timed')}</p> : null}
      <button
        ref={start}
        type="button"
        className="button button--primary briefing__start"
        onClick={onStart}
        data-testid="briefing-start"
      >
        {t(scenario.channel === 'phone' ? 'briefing.startCall' : 'briefing.start')}
      </button>
    </section>
  );
}
