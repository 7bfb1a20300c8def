import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeFields, renderSchemas } from '@/engine/format/json-schema';

describe('published JSON Schemas', () => {
  it('match the zod source (run `npm run schema` when this fails)', () => {
    for (const [file, text] of Object.entries(renderSchemas())) {
      expect(readFileSync(new URL(`../../public/schema/${file}`, import.meta.url), 'utf8'), file).toBe(text);
    }
  });
});

describe('field documentation', () => {
  it('fails loudly when a documented field is not in the schema', () => {
    const schema = { type: 'object', properties: { id: { type: 'string' } } };
    expect(() => describeFields(schema, { gone: { en: 'x', 'zh-CN': 'x' } })).toThrow(/no field 'gone'/);
    describeFields(schema, { id: { en: 'The id.', 'zh-CN': '编号。' } });
    expect(schema.properties.id).toMatchObject({
      description: 'The id.',
      'x-description': { en: 'The id.', 'zh-CN': '编号。' },
    });
  });
});
