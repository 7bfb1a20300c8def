/**
 * Scenario text is data: `<`, `&`, quotes and `]]>` must never read as markup. `>` is escaped too
 * (so `]]>` cannot appear), and a carriage return as a reference, since XML readers turn a bare one
 * into a line feed. In attributes, tabs and line breaks are references as well: a reader replaces
 * them with spaces otherwise.
 */
export function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => ENTITY[c]!);
}

export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"'\r\n\t]/g, (c) => ENTITY[c]!);
}

const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};
