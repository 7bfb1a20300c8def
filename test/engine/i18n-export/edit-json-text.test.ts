import { describe, expect, it } from 'vitest';
import { editJsonText } from '@/engine/i18n-export/edit-json-text';

describe('editJsonText', () => {
  it('replaces a string in place and leaves every other byte alone', () => {
    const text = '{\n  "title": { "zh-CN": "标题", "en": "Title" },\n  "x": [1,2]\n}\n';
    expect(editJsonText(text, [{ path: ['title', 'en'], value: 'A "new" <title>' }])).toBe(
      '{\n  "title": { "zh-CN": "标题", "en": "A \\"new\\" <title>" },\n  "x": [1,2]\n}\n',
    );
  });

  it('adds a new key in the object layout: on its line, or on a new line with the same indent', () => {
    const text = '{\r\n  "a": { "zh-CN": "甲" },\r\n  "b": {\r\n    "zh-CN": "乙"\r\n  },\r\n  "c": {}\r\n}';
    const out = editJsonText(text, [
      { path: ['b', 'fr'], value: 'B' },
      { path: ['a', 'fr'], value: 'A' },
      { path: ['c', 'fr'], value: 'C' },
    ]);
    expect(out).toBe(
      '{\r\n  "a": { "zh-CN": "甲", "fr": "A" },\r\n  "b": {\r\n    "zh-CN": "乙",\r\n    "fr": "B"\r\n  },\r\n  "c": {"fr": "C"}\r\n}',
    );
  });

  it('turns a plain string into a map, and writes lists on one line', () => {
    const text = '{"locales": ["en"], "nodes": {"a": {"note": "(sighs)"}}}';
    const out = editJsonText(text, [
      { path: ['locales'], value: ['en', 'fr'] },
      { path: ['nodes', 'a', 'note'], value: { en: '(sighs)', fr: '(soupire)' } },
    ]);
    expect(out).toBe(
      '{"locales": ["en", "fr"], "nodes": {"a": {"note": { "en": "(sighs)", "fr": "(soupire)" }}}}',
    );
  });
});
