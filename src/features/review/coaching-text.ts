import { useTranslation } from 'react-i18next';
import { pickText } from '@/engine/format/localized-text';
import { useRecords } from '@/state/records-store';

/** A rule's title in the current language from the app's rubric; the id when the rubric lacks it. */
export function useRuleTitle(): (rule: string) => string {
  const { i18n } = useTranslation('review');
  const rubric = useRecords((s) => s.rubric);
  return (rule: string) => {
    const title = rubric?.rules[rule]?.title;
    return title ? pickText(title, i18n.language) : rule;
  };
}
