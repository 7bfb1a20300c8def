import { CSV_BOM, neutraliseFormula, toCsv } from '@/records/csv';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks per RFC 4180, with CRLF line ends', () => {
    const csv = toCsv(
      ['name', 'note'],
      [
        ['Li, Na', 'said "hi"\nthen left'],
        ['Wang', null],
      ],
    );
    expect(csv).toBe('\uFEFFname,note\r\n"Li, Na","said ""hi""\nthen left"\r\nWang,\r\n');
  });

  it('neutralises spreadsheet formulas in text cells but keeps numbers', () => {
    const csv = toCsv(['a', 'b', 'c', 'd', 'e'], [['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', -5]]);
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"")",'+1,'-2,'@SUM(A1),-5`);
  });

  it('also neutralises a leading tab or carriage return', () => {
    expect(neutraliseFormula('\t=1')).toBe("'\t=1");
    expect(neutraliseFormula('\tplain')).toBe("'\tplain");
    expect(neutraliseFormula('plain')).toBe('plain');
    expect(toCsv(['x'], [['\r=1']])).toBe(`${CSV_BOM}x\r\n"'\r=1"\r\n`);
  });

  it('looks past leading spaces, including full-width and invisible ones', () => {
    for (const lead of [' ', '   ', '\u3000', '\u00a0', '\u200b', '\ufeff', '\n', ' \t '])
      for (const sign of ['=', '+', '-', '@'])
        expect(neutraliseFormula(`${lead}${sign}1+1`)).toBe(`'${lead}${sign}1+1`);
  });

  it('catches full-width and small-form formula signs', () => {
    for (const sign of ['＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫'])
      for (const lead of ['', ' ', '\u3000'])
        expect(neutraliseFormula(`${lead}${sign}HYPERLINK("http://x")`)).toBe(
          `'${lead}${sign}HYPERLINK("http://x")`,
        );
    expect(toCsv(['x'], [[' ＝1+1']]).split('\r\n')[1]).toBe("' ＝1+1");
  });

  it('leaves ordinary text alone, wherever a sign appears later', () => {
    for (const text of ['Wang Fang', '王芳', 'a=b', 'score 3+4', '  Li', '', 'e-mail', '100%'])
      expect(neutraliseFormula(text)).toBe(text);
  });

  it('starts with a UTF-8 byte-order mark so Excel reads Chinese names, which are written untouched', () => {
    const csv = toCsv(['名字', 'ok'], [['王先生', true]]);
    expect(csv).toBe('\uFEFF名字,ok\r\n王先生,true\r\n');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Only one mark, at the very start.
    expect(csv.slice(1)).not.toContain('\uFEFF');
  });
});
