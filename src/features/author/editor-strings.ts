import type { TFunction } from 'i18next';
import type { SyntaxCause } from '@/state/author-syntax';
import type { EditorStrings } from './json-editor';
import type { FieldSummary, JsonSchema } from './schema-path';

let schema: Promise<JsonSchema | null> | null = null;

/**
 * The published scenario schema, as a deployment serves it beside the app (public/schema, written
 * by `npm run schema`): the same file editors outside the app read through "$schema".
 */
export function loadScenarioSchema(): Promise<JsonSchema | null> {
  schema ??= fetch(`${import.meta.env.BASE_URL}schema/scenario.schema.json`)
    .then((r) => (r.ok ? (r.json() as Promise<JsonSchema>) : null))
    .catch(() => null);
  return schema;
}

export function describeCause(t: TFunction<'author'>, cause: SyntaxCause): string {
  return t(`cause.${cause.kind}`, { text: cause.text, ascii: cause.ascii ?? '' });
}

/** The hover card for a field: built from text nodes only, so nothing in it is read as markup. */
function renderField(t: TFunction<'author'>, locale: string, key: string, field: FieldSummary): HTMLElement {
  const card = document.createElement('div');
  card.className = 'author-field-card';
  const title = document.createElement('strong');
  title.textContent = key;
  card.append(title);
  const line = (text: string) => {
    const p = document.createElement('div');
    p.textContent = text;
    card.append(p);
  };
  const description = field.descriptions?.[locale] ?? field.description;
  if (description) line(description);
  if (field.types.length) line(t('field.type', { value: field.types.join(' | ') }));
  if (field.values.length) line(t('field.values', { value: field.values.slice(0, 12).join(', ') }));
  if (field.defaultValue) line(t('field.default', { value: field.defaultValue }));
  if (field.range) line(t('field.range', { value: field.range }));
  if (field.length) line(t('field.length', { value: field.length }));
  if (field.pattern) line(t('field.pattern', { value: field.pattern }));
  return card;
}

export function editorStrings(t: TFunction<'author'>, locale: string): EditorStrings {
  return {
    required: t('field.required'),
    describeCause: (cause) => describeCause(t, cause),
    fixFullWidth: t('cause.fix'),
    renderField: (key, field) => renderField(t, locale, key, field),
    phrases: t('phrases', { returnObjects: true }) as Record<string, string>,
  };
}
