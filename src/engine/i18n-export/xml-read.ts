/**
 * A small XML reader for translation files, the same in Node and the browser (no DOMParser): the
 * elements, attributes and text of a well-formed document, with the line and column of each element
 * and of the first mistake. No DTDs (a DOCTYPE is refused: nothing a translation tool writes needs
 * one, and it is how entity-expansion attacks get in), no external entities.
 */

export interface XmlElement {
  /** The local name, without a namespace prefix. */
  name: string;
  attributes: Record<string, string>;
  children: Array<XmlElement | string>;
  line: number;
  column: number;
}

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
  }
}

const NAME = /[A-Za-z_:\u00c0-\uffff][\w.:\-\u00b7\u00c0-\uffff]*/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function readXml(text: string): XmlElement {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Line starts, for turning an offset into a line and column only when one is needed.
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const where = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  const fail = (message: string, offset = at): never => {
    const { line, column } = where(offset);
    throw new XmlError(message, line, column);
  };
  const startsWith = (s: string) => text.startsWith(s, at);
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at]!)) at += 1;
  };
  const name = (): string => {
    NAME.lastIndex = at;
    const m = NAME.exec(text);
    if (!m) fail(`expected a name, found ${shown(text[at])}`);
    at += m![0].length;
    return m![0];
  };
  const decode = (raw: string, offset: number): string =>
    raw.replace(/&([^;&\s]*);?/g, (whole, ref: string, i: number) => {
      if (!whole.endsWith(';')) fail(`'&' must be written '&amp;'`, offset + i);
      if (ref in PREDEFINED) return PREDEFINED[ref]!;
      const code = /^#x([0-9a-fA-F]{1,6})$/.exec(ref)?.[1] ?? /^#([0-9]{1,7})$/.exec(ref)?.[1];
      if (code !== undefined) {
        const n = ref[1] === 'x' ? parseInt(code, 16) : parseInt(code, 10);
        if (n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff)) return String.fromCodePoint(n);
      }
      return fail(`unknown reference '&${ref};'`, offset + i);
    });
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (startsWith('<?')) {
        const end = text.indexOf('?>', at);
        if (end < 0) fail('unclosed processing instruction');
        at = end + 2;
      } else if (startsWith('<!--')) {
        const end = text.indexOf('-->', at + 4);
        if (end < 0) fail('unclosed comment');
        at = end + 3;
      } else if (startsWith('<!DOCTYPE') || startsWith('<!doctype')) {
        fail('a DOCTYPE is not allowed in a translation file');
      } else return;
    }
  };

  const element = (): XmlElement => {
    const open = at;
    at += 1; // '<'
    const qualified = name();
    const pos = where(open);
    const el: XmlElement = { name: local(qualified), attributes: {}, children: [], ...pos };
    for (;;) {
      const before = at;
      skipSpace();
      if (startsWith('/>')) {
        at += 2;
        return el;
      }
      if (startsWith('>')) {
        at += 1;
        break;
      }
      if (at >= text.length) fail(`unclosed tag <${qualified}>`, open);
      if (at === before) fail(`expected a space, '>' or '/>' in <${qualified}>, found ${shown(text[at])}`);
      const attrAt = at;
      const attr = name();
      skipSpace();
      if (text[at] !== '=') fail(`expected '=' after attribute '${attr}'`);
      at += 1;
      skipSpace();
      const quote = text[at];
      if (quote !== '"' && quote !== "'") fail(`expected a quoted value for attribute '${attr}'`);
      const end = text.indexOf(quote!, at + 1);
      if (end < 0) fail(`unclosed value of attribute '${attr}'`);
      const raw = text.slice(at + 1, end);
      if (raw.includes('<')) fail(`'<' in the value of attribute '${attr}'`, at + 1 + raw.indexOf('<'));
      const key = local(attr);
      if (Object.hasOwn(el.attributes, key) && !attr.startsWith('xmlns'))
        fail(`attribute '${attr}' given twice`, attrAt);
      // Attribute values normalise white space to spaces; references keep theirs.
      el.attributes[key] = decode(raw.replace(/[\t\n\r]/g, ' '), at + 1);
      at = end + 1;
    }
    for (;;) {
      if (at >= text.length) fail(`<${qualified}> is never closed`, open);
      if (startsWith('</')) {
        at += 2;
        const closeAt = at;
        const closing = name();
        if (closing !== qualified)
          fail(
            `</${closing}> closes <${qualified}> (opened at line ${pos.line}, column ${pos.column})`,
            closeAt,
          );
        skipSpace();
        if (text[at] !== '>') fail(`expected '>' to end </${closing}>`);
        at += 1;
        return el;
      }
      if (startsWith('<!--')) {
        const end = text.indexOf('-->', at + 4);
        if (end < 0) fail('unclosed comment');
        at = end + 3;
      } else if (startsWith('<![CDATA[')) {
        const end = text.indexOf(']]>', at + 9);
        if (end < 0) fail('unclosed CDATA section');
        el.children.push(normaliseLines(text.slice(at + 9, end)));
        at = end + 3;
      } else if (startsWith('<?')) {
        const end = text.indexOf('?>', at);
        if (end < 0) fail('unclosed processing instruction');
        at = end + 2;
      } else if (text[at] === '<') {
        el.children.push(element());
      } else {
        const next = text.indexOf('<', at);
        const end = next < 0 ? text.length : next;
        const raw = text.slice(at, end);
        const bad = raw.indexOf(']]>');
        if (bad >= 0) fail(`']]>' must be written ']]&gt;'`, at + bad);
        el.children.push(decode(normaliseLines(raw), at));
        at = end;
      }
    }
  };

  skipMisc();
  if (text[at] !== '<') fail(at >= text.length ? 'the file is empty' : 'expected an XML element');
  const root = element();
  skipMisc();
  if (at < text.length) fail('text after the end of the document');
  return root;
}

/** Text inside an element, inline markup included, as a translator would read it. */
export function textOf(el: XmlElement): string {
  let out = '';
  for (const c of el.children) out += typeof c === 'string' ? c : c.name === 'cp' ? codePoint(c) : textOf(c);
  return out;
}

/** XLIFF 2.0's `<cp hex="001F"/>`: a character XML cannot carry. Nothing for a malformed one. */
function codePoint(el: XmlElement): string {
  const hex = el.attributes.hex ?? '';
  if (!/^[0-9A-Fa-f]{1,6}$/.test(hex)) return '';
  const n = parseInt(hex, 16);
  return n <= 0x10ffff ? String.fromCodePoint(n) : '';
}

export const childrenNamed = (el: XmlElement, name: string): XmlElement[] =>
  el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);

const local = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1);
const normaliseLines = (s: string) => s.replace(/\r\n?/g, '\n');
const shown = (c: string | undefined) => (c === undefined ? 'the end of the file' : `'${c}'`);
