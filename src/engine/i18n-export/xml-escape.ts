/**
 * Scenario text is data: `<`, `&`, quotes and `]]>` must never read as markup. `>` is escaped too
 * (so `]]>` cannot appear), and a carriage return as a reference, since XML readers turn a bare one
 * into a line feed. In attributes, tabs and line breaks are references as well: a reader replaces
 * them with spaces otherwise.
 */
export function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => ENTITY[c]!);
}

/**
 * Characters XML 1.0 cannot carry at all, not even as references (most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF): XLIFF 2.0 writes each as `<cp hex="…"/>`, which `textOf` reads back.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `escapeText`, with what XML cannot hold written as XLIFF 2.0 `<cp>` elements. */
export function escapeXliffText(text: string): string {
  return escapeText(text).replace(
    NOT_XML,
    (c) => `<cp hex="${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}"/>`,
  );
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
