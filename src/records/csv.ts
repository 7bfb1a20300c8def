export type CsvCell = string | number | boolean | null | undefined;

/** Excel reads a CSV file without this byte-order mark as the system code page: Chinese garbles. */
export const CSV_BOM = '\uFEFF';

// Spreadsheet apps skip leading blanks (spaces, tabs, line breaks, full-width and invisible spaces)
// and then run a cell that starts with = + - @ as a formula, full-width ＝ ＋ － ＠ and the small
// forms ﹦ ﹢ ﹣ ﹫ included. A cell that starts with a tab or carriage return is also suspect.
const BLANK =
  '\\s\\u0000-\\u001f\\u007f\\u00a0\\u1680\\u180e\\u2000-\\u200f\\u2028-\\u202f\\u205f-\\u206f\\u3000\\ufeff';
const FORMULA = new RegExp(
  `^[${BLANK}]*[=+\\-@\\uff1d\\uff0b\\uff0d\\uff20\\ufe66\\ufe62\\ufe63\\ufe6b\\u2212]|^[\\t\\r]`,
);

/**
 * Text cells get a leading apostrophe when a spreadsheet could run them as a formula, so a trainee
 * named "=HYPERLINK(...)" or " ＝1+1" stays text; numbers are written as numbers (a negative score
 * is not an attack).
 */
export function neutraliseFormula(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text;
}

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? neutraliseFormula(value) : String(value);
  // RFC 4180: quote fields holding a comma, quote or line break; double the quotes inside.
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV with CRLF line ends and a header row, starting with a UTF-8 byte-order mark so Excel
 * opens Chinese names correctly (other spreadsheet apps ignore it).
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  const lines = [header.map(cell).join(',')];
  for (const row of rows) lines.push(row.map(cell).join(','));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
