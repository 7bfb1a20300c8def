import type { TranslationFile, TranslationUnit } from './translation-units';
import { escapeAttribute, escapeXliffText as escapeText } from './xml-escape';
import { childrenNamed, readXml, textOf, XmlError, type XmlElement } from './xml-read';

const NS = 'urn:oasis:names:tc:xliff:document:2.0';

export interface LocatedError {
  message: string;
  line: number;
  column: number;
}

/**
 * XLIFF 2.0, the interchange format translation tools read. A unit's `name` is the text's JSON
 * pointer; its `id` spells the same pointer as an XML name (XLIFF ids may not hold '/').
 */
export function writeXliff(file: TranslationFile): string {
  const a = escapeAttribute;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${NS}" version="2.0" srcLang="${a(file.sourceLocale)}" trgLang="${a(file.targetLocale)}">`,
    `  <file id="f1" original="${a(file.original)}">`,
  ];
  for (const u of file.units) {
    lines.push(`    <unit id="${a(unitId(u.id))}" name="${a(u.id)}">`);
    if (u.note) lines.push(`      <notes><note category="location">${escapeText(u.note)}</note></notes>`);
    lines.push('      <segment>');
    lines.push(`        <source>${escapeText(u.source)}</source>`);
    if (u.target !== undefined) lines.push(`        <target>${escapeText(u.target)}</target>`);
    lines.push('      </segment>', '    </unit>');
  }
  lines.push('  </file>', '</xliff>', '');
  return lines.join('\n');
}

/** "/nodes/opening/say" → "nodes.opening.say": node ids hold no '.', and '~' keeps the pointer's escapes. */
export function unitId(pointer: string): string {
  return 'u' + pointer.replace(/\./g, '~2').replace(/\//g, '.');
}

function pointerOfId(id: string): string | null {
  if (!id.startsWith('u')) return null;
  return id.slice(1).replace(/\./g, '/').replace(/~2/g, '.');
}

/** Reads an XLIFF 2.0 file (as written above, or as a translation tool saves it), with located errors. */
export function readXliff(
  text: string,
): { ok: true; file: TranslationFile } | { ok: false; errors: LocatedError[] } {
  let root: XmlElement;
  try {
    root = readXml(text);
  } catch (error) {
    if (error instanceof XmlError)
      return { ok: false, errors: [{ message: error.message, line: error.line, column: error.column }] };
    throw error;
  }
  const errors: LocatedError[] = [];
  const at = (el: XmlElement, message: string) =>
    errors.push({
      message: `line ${el.line}, column ${el.column}: ${message}`,
      line: el.line,
      column: el.column,
    });
  if (root.name !== 'xliff') at(root, `expected <xliff>, found <${root.name}>`);
  else if (!/^2\./.test(root.attributes.version ?? ''))
    at(root, `XLIFF version '${root.attributes.version ?? ''}' is not 2.x (export again from Composure)`);
  const sourceLocale = root.attributes.srcLang ?? '';
  const targetLocale = root.attributes.trgLang ?? '';
  if (errors.length === 0 && !sourceLocale) at(root, '<xliff> has no srcLang');
  if (errors.length === 0 && !targetLocale) at(root, '<xliff> has no trgLang (the language translated into)');
  const units: TranslationUnit[] = [];
  const files = childrenNamed(root, 'file');
  for (const file of files)
    for (const unit of unitsUnder(file)) {
      const id = unit.attributes.name || pointerOfId(unit.attributes.id ?? '');
      if (!id) {
        at(unit, '<unit> has neither a name nor an id that names a text');
        continue;
      }
      let source = '';
      let target: string | undefined;
      for (const seg of unit.children) {
        if (typeof seg === 'string' || (seg.name !== 'segment' && seg.name !== 'ignorable')) continue;
        const s = childrenNamed(seg, 'source')[0];
        const t = childrenNamed(seg, 'target')[0];
        if (!s) at(seg, `<${seg.name}> has no <source>`);
        source += s ? textOf(s) : '';
        if (t) target = (target ?? '') + textOf(t);
      }
      const note = childrenNamed(unit, 'notes').flatMap((n) => childrenNamed(n, 'note'))[0];
      units.push({
        id,
        source,
        ...(target !== undefined ? { target } : {}),
        ...(note ? { note: textOf(note) } : {}),
        line: unit.line,
      });
    }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    file: { original: files[0]?.attributes.original ?? '', sourceLocale, targetLocale, units },
  };
}

/** Units sit in a file, or in groups inside it (a tool may group them). */
function unitsUnder(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === 'unit') out.push(c);
    else if (c.name === 'group') out.push(...unitsUnder(c));
  }
  return out;
}
