import { findSyntaxCause, fixFullWidth } from '@/state/author-syntax';

const at = (text: string, needle: string) => text.indexOf(needle);

describe('findSyntaxCause', () => {
  it('names a full-width comma typed between fields, with its line and column', () => {
    const text = '{\n  "id": "call"，\n  "version": 1\n}';
    const cause = findSyntaxCause(text);
    expect(cause).toMatchObject({ kind: 'full-width', text: '，', ascii: ',', line: 2, column: 15 });
    expect(cause!.from).toBe(at(text, '，'));
    expect(cause!.to).toBe(cause!.from + 1);
  });

  it('ignores full-width punctuation inside strings', () => {
    expect(findSyntaxCause('{ "line": "您好，请问：“什么事”？" }')).toBeNull();
  });

  it('names full-width colons, quotes and brackets', () => {
    expect(findSyntaxCause('{ "id"： 1 }')).toMatchObject({ kind: 'full-width', ascii: ':' });
    expect(findSyntaxCause('{ “id": 1 }')).toMatchObject({ kind: 'full-width', ascii: '"' });
    expect(findSyntaxCause('｛ "id": 1 }')).toMatchObject({ kind: 'full-width', ascii: '{', column: 1 });
    expect(findSyntaxCause('{ "a": ［1] }')).toMatchObject({ kind: 'full-width', ascii: '[' });
  });

  it('names a trailing comma at the comma', () => {
    const text = '{\n  "id": "call",\n  "tags": ["a", "b",]\n}';
    expect(findSyntaxCause(text)).toMatchObject({ kind: 'trailing-comma', line: 3, column: 20, text: ',' });
    expect(findSyntaxCause('{ "a": 1,\n}')).toMatchObject({ kind: 'trailing-comma', line: 1, column: 9 });
  });

  it('names a missing quote: an unquoted key or value, or a string left open', () => {
    expect(findSyntaxCause('{ id: "x" }')).toMatchObject({ kind: 'missing-quote', text: 'id' });
    expect(findSyntaxCause('{ "next": facts }')).toMatchObject({ kind: 'missing-quote', text: 'facts' });
    const open = findSyntaxCause('{\n  "next": "facts,\n  "a": 1\n}');
    expect(open).toMatchObject({ kind: 'missing-quote', line: 2, column: 11, text: '"facts,' });
  });

  it('names a missing comma at the value that should follow one', () => {
    const text = '{\n  "a": 1\n  "b": 2\n}';
    expect(findSyntaxCause(text)).toMatchObject({ kind: 'missing-comma', line: 3, column: 3, text: '"b"' });
    expect(findSyntaxCause('[1 2]')).toMatchObject({ kind: 'missing-comma', text: '2' });
  });

  it('finds nothing in valid JSON, and nothing it cannot name', () => {
    expect(findSyntaxCause('{ "a": [1, 2.5e3, -3, true, null, { "b": "c\\"d" }] }')).toBeNull();
    expect(findSyntaxCause('{ "a" 1 }')).toBeNull(); // a missing colon is left to the loader's message
  });
});

describe('fixFullWidth', () => {
  it('turns full-width punctuation outside strings into ASCII and leaves strings alone', () => {
    const text = '｛“id”： "call"，"line"： "您好，请问：“什么事”？"｝';
    const fixed = fixFullWidth(text);
    expect(fixed.text).toBe('{"id": "call","line": "您好，请问：“什么事”？"}');
    expect(fixed.changed).toBe(7);
    expect(JSON.parse(fixed.text)).toEqual({ id: 'call', line: '您好，请问：“什么事”？' });
  });

  it('keeps text inside a string opened with a full-width quote', () => {
    const fixed = fixFullWidth('{ "a": “你好，世界” }');
    expect(fixed.text).toBe('{ "a": "你好，世界" }');
    expect(JSON.parse(fixed.text)).toEqual({ a: '你好，世界' });
  });

  it('respects escaped quotes and changes nothing in valid JSON', () => {
    const text = '{ "a": "say \\"hi\\"，ok" }';
    expect(fixFullWidth(text)).toEqual({ text, changed: 0 });
  });
});
