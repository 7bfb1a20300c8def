import { neutraliseFormula, toCsv } from '@/records/csv';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks per RFC 4180, with CRLF line ends', () => {
    const csv = toCsv(
      ['name', 'note'],
      [
        ['Li, Na', 'said "hi"\nthen left'],
        ['Wang', null],
      ],
    );
    expect(csv).toBe('name,note\r\n"Li, Na","said ""hi""\nthen left"\r\nWang,\r\n');
  });

  it('neutralises spreadsheet formulas in text cells but keeps numbers', () => {
    const csv = toCsv(['a', 'b', 'c', 'd', 'e'], [['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', -5]]);
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"")",'+1,'-2,'@SUM(A1),-5`);
  });

  it('also neutralises a leading tab or carriage return', () => {
    expect(neutraliseFormula('\t=1')).toBe("'\t=1");
    expect(neutraliseFormula('plain')).toBe('plain');
    expect(toCsv(['x'], [['\r=1']])).toBe(`x\r\n"'\r=1"\r\n`);
  });

  it('writes Chinese text untouched and booleans as words', () => {
    expect(toCsv(['名字', 'ok'], [['王先生', true]])).toBe('名字,ok\r\n王先生,true\r\n');
  });
});
