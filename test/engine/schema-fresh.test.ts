import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSchemas } from '@/engine/format/json-schema';

describe('published JSON Schemas', () => {
  it('match the zod source (run `npm run schema` when this fails)', () => {
    for (const [file, text] of Object.entries(renderSchemas())) {
      expect(readFileSync(new URL(`../../public/schema/${file}`, import.meta.url), 'utf8'), file).toBe(text);
    }
  });
});
