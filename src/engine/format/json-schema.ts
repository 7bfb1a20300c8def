import { z } from 'zod';
import { RubricSchema } from './rubric-schema';
import { ScenarioSchema } from './scenario-schema';

/** File name → pretty JSON Schema text. Input shape: fields with defaults stay optional for authors. */
export function renderSchemas(): Record<string, string> {
  const render = (schema: z.ZodType, id: string, title: string) =>
    JSON.stringify(
      { ...z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }), $id: id, title },
      null,
      2,
    ) + '\n';
  return {
    'scenario.schema.json': render(
      ScenarioSchema,
      'https://composure.invalid/schema/scenario.schema.json',
      'Composure scenario (format v1)',
    ),
    'rubric.schema.json': render(
      RubricSchema,
      'https://composure.invalid/schema/rubric.schema.json',
      'Composure rubric (v1)',
    ),
  };
}
