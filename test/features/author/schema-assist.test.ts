import { readFileSync } from 'node:fs';
import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { json } from '@codemirror/lang-json';
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { outlineOf, schemaCompletion } from '@/features/author/editor-extensions';
import { describeField, keysAt, valuesAt, type JsonSchema } from '@/features/author/schema-path';

// The schema as published beside the app (written by `npm run schema`).
const schema = JSON.parse(readFileSync('public/schema/scenario.schema.json', 'utf8')) as JsonSchema;

describe('schema at a path', () => {
  it('lists the keys of the scenario, of a node and of a response', () => {
    expect(keysAt(schema, []).map((k) => k.key)).toEqual(
      expect.arrayContaining(['schemaVersion', 'id', 'nodes']),
    );
    expect(keysAt(schema, []).find((k) => k.key === 'id')?.required).toBe(true);
    expect(keysAt(schema, ['nodes', 'opening']).map((k) => k.key)).toEqual(
      expect.arrayContaining(['say', 'responses', 'otherwise', 'ending']),
    );
    expect(keysAt(schema, ['nodes', 'opening', 'responses', 0]).map((k) => k.key)).toEqual(
      expect.arrayContaining(['id', 'text', 'rules', 'next']),
    );
  });

  it('gives the fixed values and what a field takes', () => {
    expect(valuesAt(schema, ['channel'])).toEqual(['"phone"', '"chat"', '"counter"']);
    expect(describeField(schema, ['minutes'])).toMatchObject({
      types: ['integer'],
      defaultValue: '5',
      range: '1–120',
    });
    expect(describeField(schema, ['no-such-field'])).toBeNull();
  });

  it('says what a field means, in both languages (hover prose from field-docs.ts)', () => {
    const rules = describeField(schema, ['nodes', 'opening', 'responses', 0, 'rules']);
    expect(rules?.description).toMatch(/evidence/);
    expect(rules?.descriptions?.['zh-CN']).toMatch(/评分依据/);
    // A field reached through a union (say: a text or a list of variants) and through a $ref.
    expect(describeField(schema, ['nodes', 'n', 'say', 0, 'if'])?.descriptions?.en).toMatch(/variant/);
    expect(describeField(schema, ['customer', 'mood', 'anger'])?.descriptions?.['zh-CN']).toMatch(/怒气/);
  });
});

function complete(doc: string, at = doc.indexOf('|')): CompletionResult | null {
  const text = doc.replace('|', '');
  const state = EditorState.create({ doc: text, extensions: [json()] });
  ensureSyntaxTree(state, text.length, 5000);
  const source = schemaCompletion({
    schema: () => schema,
    nodeIds: outlineNodeIds,
    requiredLabel: 'required',
  });
  return source(new CompletionContext(state, at, true)) as CompletionResult | null;
}
const outlineNodeIds = (state: EditorState) => outlineOf(state).map((e) => e.id);

describe('completion in the editor', () => {
  it('offers the keys an object still lacks, where a key goes', () => {
    const result = complete('{\n  "id": "x",\n  "ch|"\n}');
    const labels = result!.options.map((o) => o.label);
    expect(labels).toContain('"channel"');
    expect(labels).not.toContain('"id"');
  });

  it('offers a field’s fixed values, and node ids for next', () => {
    expect(complete('{ "channel": | }')!.options.map((o) => o.label)).toEqual([
      '"phone"',
      '"chat"',
      '"counter"',
    ]);
    const doc = '{ "nodes": { "opening": { "responses": [{ "next": "|" }] }, "facts": {} } }';
    expect(complete(doc)!.options.map((o) => o.label)).toEqual(['"opening"', '"facts"']);
  });
});
