import { z } from 'zod';
import { SCENARIO_FIELD_DOCS, type FieldDoc } from './field-docs';
import { RubricSchema } from './rubric-schema';
import { ScenarioSchema } from './scenario-schema';

type SchemaNode = Record<string, unknown>;

/** File name → pretty JSON Schema text. Input shape: fields with defaults stay optional for authors. */
export function renderSchemas(): Record<string, string> {
  const render = (
    schema: z.ZodType,
    id: string,
    title: string,
    docs?: Readonly<Record<string, FieldDoc>>,
  ) => {
    const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as SchemaNode;
    if (docs) describeFields(json, docs);
    return JSON.stringify({ ...json, $id: id, title }, null, 2) + '\n';
  };
  return {
    'scenario.schema.json': render(
      ScenarioSchema,
      'https://composure.invalid/schema/scenario.schema.json',
      'Composure scenario (format v1)',
      SCENARIO_FIELD_DOCS,
    ),
    'rubric.schema.json': render(
      RubricSchema,
      'https://composure.invalid/schema/rubric.schema.json',
      'Composure rubric (v1)',
    ),
  };
}

/**
 * Every field named in `docs` gets `description` (English, which any editor shows) and
 * `x-description` (by locale, for the Author view). A path the schema does not have throws, so a
 * renamed field cannot leave its documentation silently behind.
 */
export function describeFields(root: SchemaNode, docs: Readonly<Record<string, FieldDoc>>): void {
  for (const [path, doc] of Object.entries(docs)) {
    const found = schemasAt(root, path.split('.'));
    if (found.length === 0) throw new Error(`field-docs: no field '${path}' in the schema`);
    for (const schema of found) {
      schema.description = doc.en;
      schema['x-description'] = { en: doc.en, 'zh-CN': doc['zh-CN'] };
    }
  }
}

function schemasAt(root: SchemaNode, steps: readonly string[]): SchemaNode[] {
  let current = [root];
  for (const step of steps) {
    const next: SchemaNode[] = [];
    for (const schema of current.flatMap((s) => alternatives(root, s))) {
      const properties = schema.properties as Record<string, SchemaNode> | undefined;
      if (step !== '*' && properties?.[step]) next.push(properties[step]);
      if (step === '*') {
        for (const key of ['items', 'additionalProperties'] as const) {
          const inner = schema[key];
          if (inner && typeof inner === 'object') next.push(inner as SchemaNode);
        }
      }
    }
    current = next;
  }
  return current;
}

/** A schema and the ones it stands for: its anyOf/oneOf/allOf branches and a local $ref. */
function alternatives(root: SchemaNode, schema: SchemaNode): SchemaNode[] {
  const out: SchemaNode[] = [schema];
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) {
    const target = (root.$defs as Record<string, SchemaNode> | undefined)?.[ref.slice('#/$defs/'.length)];
    if (target) out.push(...alternatives(root, target));
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) for (const s of list as SchemaNode[]) out.push(...alternatives(root, s));
  }
  return out;
}
