// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readCsv } from '@/engine/i18n-export/csv';
import type { TranslationFile } from '@/engine/i18n-export/translation-units';
import { readXliff, unitId, writeXliff } from '@/engine/i18n-export/xliff';

const DATA = ['<b>不归我管</b> & "quoted" \'single\'', ']]> &amp; &#13;', '🙂 您好，\r\n请问？\t'];

const file = (source: string, target?: string): TranslationFile => ({
  original: 'late-parcel',
  sourceLocale: 'zh-CN',
  targetLocale: 'en',
  units: [
    {
      id: '/nodes/a-b_c/responses/0/text',
      source,
      ...(target !== undefined ? { target } : {}),
      note: 'x < y',
    },
  ],
});

describe('XLIFF 2.0', () => {
  it.each(DATA)('writes text as data that another XML reader reads back the same: %j', (text) => {
    const xml = writeXliff(file(text, text));
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.namespaceURI).toBe('urn:oasis:names:tc:xliff:document:2.0');
    expect(doc.getElementsByTagName('source')[0]!.textContent).toBe(text);
    expect(doc.getElementsByTagName('target')[0]!.textContent).toBe(text);
    const unit = doc.getElementsByTagName('unit')[0]!;
    expect(unit.getAttribute('name')).toBe('/nodes/a-b_c/responses/0/text');
    // XLIFF ids are XML name tokens: no '/'.
    expect(unit.getAttribute('id')).toMatch(/^[\w.-]+$/);
    const read = readXliff(xml);
    expect(read.ok && read.file.units[0]).toMatchObject({ source: text, target: text, note: 'x < y' });
  });

  it('finds the pointer from the id when a tool drops the name, and reads groups and CDATA', () => {
    const id = unitId('/nodes/opening/say');
    const xml = `<?xml version="1.0"?>
<!-- saved by a tool -->
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="zh-CN" trgLang="en">
  <file id="f"><group id="g"><unit id="${id}"><segment><source>您好</source><target><![CDATA[<Hello>]]></target></segment></unit></group></file>
</xliff>`;
    const read = readXliff(xml);
    expect(read.ok && read.file.units).toEqual([
      { id: '/nodes/opening/say', source: '您好', target: '<Hello>', line: 4 },
    ]);
  });

  it.each([
    [
      '<xliff version="2.0" srcLang="zh-CN" trgLang="en">\n  <file>\n    <unit id="u.title">\n  </file>',
      4,
      5,
      '</file> closes <unit>',
    ],
    [
      '<xliff version="2.0" srcLang="zh-CN" trgLang="en">\n<file><unit id="u.a"><segment><source>A & B</source>',
      2,
      41,
      "'&' must be written '&amp;'",
    ],
    ['<!DOCTYPE x [<!ENTITY a "b">]>\n<xliff/>', 1, 1, 'DOCTYPE is not allowed'],
    ['<xliff version="1.2" srcLang="zh-CN" trgLang="en"/>', 1, 1, "XLIFF version '1.2' is not 2.x"],
    ['<xliff version="2.0" srcLang="zh-CN">\n</xliff>', 1, 1, 'no trgLang'],
    [
      '<xliff version="2.0" srcLang="zh-CN" trgLang="en">\n  <file>\n    <unit><segment><source>a</source></segment></unit>\n  </file>\n</xliff>',
      3,
      5,
      'neither a name nor an id',
    ],
    ['', 1, 1, 'empty'],
  ])('refuses a malformed file with the line and column: %j', (xml, line, column, message) => {
    const read = readXliff(xml);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors[0]).toMatchObject({ line, column });
    expect(read.errors[0]!.message).toContain(message);
    expect(read.errors[0]!.message).toContain(`line ${line}, column ${column}`);
  });
});

describe('CSV', () => {
  it('refuses an unclosed quote and a row that is not a text id, with the line', () => {
    const bad = readCsv('id,zh-CN,en,note\r\n/title,"迟到的包裹,The late parcel\r\n');
    expect(!bad.ok && bad.errors[0]).toMatchObject({ line: 2, column: 8 });
    const notId = readCsv('id,zh-CN,en,note\n/title,标题,Title,\ntitle,标题,Title,\n');
    expect(!notId.ok && notId.errors[0]).toMatchObject({ line: 3, column: 1 });
    expect(readCsv('name,zh-CN\n').ok).toBe(false);
    expect(readCsv('id,zh-CN,,note\n/title,标题,Title,\n').ok).toBe(false);
  });
});
