/**
 * The "New from template" starting scenario: small, valid and bilingual, with the structure the
 * trainers' guide asks for (eight decisions, every principle, feedback on every response). Fetched
 * when asked for, as a chunk of its own: neither the Author view's first load nor a trainee carries it.
 */
export async function loadTemplateText(): Promise<string> {
  const { default: template } = await import('./template.json');
  return `${JSON.stringify(template, null, 2)}\n`;
}
