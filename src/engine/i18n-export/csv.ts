import type { TranslationFile, TranslationUnit } from './translation-units';
import type { LocatedError } from './xliff';

/**
 * The same strings as a spreadsheet: id, source, target and note columns, the header naming the two
 * locales (`id,zh-CN,en,note`). RFC 4180 quoting; a byte-order mark so spreadsheet programs read it
 * as UTF-8 (Chinese text otherwise opens garbled). The scenario id rides in the second row, whose id
 * cell starts with '#scenario:'.
 */
export function writeCsv(file: TranslationFile): string {
  const rows = [
    ['id', file.sourceLocale, file.targetLocale, 'note'],
    [`#scenario:${file.original}`, '', '', ''],
    ...file.units.map((u) => [u.id, guard(u.source), guard(u.target ?? ''), guard(u.note ?? '')]),
  ];
  return '\ufeff' + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/**
 * A cell starting with =, +, -, @ (or a tab or carriage return) is a formula to a spreadsheet program:
 * opening the file would run it. Such text is written with a leading apostrophe, which spreadsheets
 * read as "this is text", and `readCsv` takes it off again (one apostrophe, so text that really starts
 * with one before such a character survives the round trip).
 */
const FORMULA = /^'*[=+\-@\t\r]/;
const guard = (s: string) => (FORMULA.test(s) ? `'${s}` : s);
const unguard = (s: string) => (s.startsWith("'") && FORMULA.test(s) ? s.slice(1) : s);

const field = (s: string) => (/[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s);

/** Reads the CSV back; an empty target cell means "not translated". */
export function readCsv(
  text: string,
): { ok: true; file: TranslationFile } | { ok: false; errors: LocatedError[] } {
  const parsed = parseRows(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if ('error' in parsed) return { ok: false, errors: [parsed.error] };
  const [header, ...rows] = parsed.rows;
  const errors: LocatedError[] = [];
  const err = (line: number, column: number, message: string) =>
    errors.push({ message: `line ${line}, column ${column}: ${message}`, line, column });
  if (!header || header.cells[0]?.trim() !== 'id' || header.cells.length < 3) {
    err(1, 1, "the first row must be the header 'id,<source locale>,<target locale>,note'");
    return { ok: false, errors };
  }
  const [, sourceLocale, targetLocale] = header.cells.map((c) => c.trim());
  if (!sourceLocale || !targetLocale) {
    err(1, 1, 'the header must name the source and target locales: id,<source locale>,<target locale>,note');
    return { ok: false, errors };
  }
  let original = '';
  const units: TranslationUnit[] = [];
  for (const row of rows) {
    const [id = '', guardedSource = '', guardedTarget = '', guardedNote = ''] = row.cells;
    const [source, target, note] = [guardedSource, guardedTarget, guardedNote].map(unguard) as [
      string,
      string,
      string,
    ];
    if (row.cells.length === 1 && id === '') continue; // a blank line
    if (id.startsWith('#scenario:')) {
      original = id.slice('#scenario:'.length);
      continue;
    }
    if (row.cells.length < 3) {
      err(
        row.line,
        1,
        `expected at least 3 columns (id, ${sourceLocale}, ${targetLocale}), found ${row.cells.length}`,
      );
      continue;
    }
    if (!id.startsWith('/')) {
      err(row.line, 1, `'${id}' is not a text id (ids are JSON pointers such as /nodes/opening/say)`);
      continue;
    }
    units.push({
      id,
      source,
      ...(target !== '' ? { target } : {}),
      ...(note ? { note } : {}),
      line: row.line,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, file: { original, sourceLocale: sourceLocale!, targetLocale: targetLocale!, units } };
}

interface Row {
  cells: string[];
  line: number;
}

function parseRows(text: string): { rows: Row[] } | { error: LocatedError } {
  const rows: Row[] = [];
  let line = 1;
  let cells: string[] = [];
  let rowLine = 1;
  let i = 0;
  for (;;) {
    let cell = '';
    if (text[i] === '"') {
      const openLine = line;
      const openColumn = i - text.lastIndexOf('\n', i - 1);
      i += 1;
      for (;;) {
        if (i >= text.length)
          return {
            error: {
              message: `line ${openLine}, column ${openColumn}: this quoted cell is never closed`,
              line: openLine,
              column: openColumn,
            },
          };
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (c === '\n') line += 1;
        cell += c;
        i += 1;
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        const column = i - text.lastIndexOf('\n', i - 1);
        return {
          error: { message: `line ${line}, column ${column}: text after a closing quote`, line, column },
        };
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
    }
    cells.push(cell);
    if (text[i] === ',') {
      i += 1;
      continue;
    }
    rows.push({ cells, line: rowLine });
    if (text[i] === '\r') i += 1;
    if (text[i] === '\n') i += 1;
    line += 1;
    rowLine = line;
    cells = [];
    if (i >= text.length) break;
  }
  return { rows };
}
