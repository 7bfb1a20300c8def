// Reading the published JSON Schema (public/schema/scenario.schema.json, written by `npm run schema`
// from the engine's own zod schema) at a place in the document: which keys an object takes, which
// values a field takes, and what to say about a field on hover. Pure, so it is unit-tested without
// an editor.

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  /** The description by locale (public/schema is written with `en` and `zh-CN`). */
  'x-description'?: Record<string, string>;
  title?: string;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

/** A step into the document: an object key, or any array item. */
export type PathStep = string | number;

const MAX_REF_DEPTH = 8;

/** The alternatives a schema stands for, with `$ref`, `anyOf`, `oneOf` and `allOf` opened up. */
function expand(root: JsonSchema, schema: JsonSchema, depth = 0): JsonSchema[] {
  if (depth > MAX_REF_DEPTH) return [];
  if (schema.$ref) {
    const name = /^#\/\$defs\/(.+)$/.exec(schema.$ref)?.[1];
    const target = name ? root.$defs?.[name] : undefined;
    return target ? documented(schema, expand(root, target, depth + 1)) : [];
  }
  const alternatives = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (alternatives)
    return documented(
      schema,
      alternatives.flatMap((s) => expand(root, s, depth + 1)),
    );
  return [schema];
}

/** A field's description sits beside its `$ref` or union: the alternatives it opens into keep it. */
function documented(wrapper: JsonSchema, expanded: JsonSchema[]): JsonSchema[] {
  const description = wrapper.description;
  const localized = wrapper['x-description'];
  if (description === undefined && localized === undefined) return expanded;
  return expanded.map((s) => ({
    ...s,
    description: description ?? s.description,
    ...(localized ? { 'x-description': localized } : {}),
  }));
}

/** Every schema that could apply at `path` (an alternative that does not fit the path is dropped). */
export function schemasAt(root: JsonSchema, path: readonly PathStep[]): JsonSchema[] {
  let current = expand(root, root);
  for (const step of path) {
    const next: JsonSchema[] = [];
    for (const schema of current) {
      if (typeof step === 'number') {
        if (schema.items) next.push(...expand(root, schema.items));
        continue;
      }
      const property = schema.properties?.[step];
      if (property) next.push(...expand(root, property));
      else if (typeof schema.additionalProperties === 'object')
        next.push(...expand(root, schema.additionalProperties));
    }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

export interface KeyOption {
  key: string;
  required: boolean;
  schemas: JsonSchema[];
}

/** The named keys an object at `path` takes, required ones first, in the schema's order otherwise. */
export function keysAt(root: JsonSchema, path: readonly PathStep[]): KeyOption[] {
  const keys = new Map<string, KeyOption>();
  for (const schema of schemasAt(root, path)) {
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      if (key === '$schema') continue;
      const option = keys.get(key) ?? { key, required: false, schemas: [] };
      option.required ||= schema.required?.includes(key) ?? false;
      option.schemas.push(...expand(root, property));
      keys.set(key, option);
    }
  }
  return [...keys.values()].sort((a, b) => Number(b.required) - Number(a.required));
}

/** The fixed values a field at `path` takes (enums, constants, booleans), as JSON text. */
export function valuesAt(root: JsonSchema, path: readonly PathStep[]): string[] {
  const values = new Set<string>();
  for (const schema of schemasAt(root, path)) {
    for (const value of schema.enum ?? []) values.add(JSON.stringify(value));
    if (schema.const !== undefined) values.add(JSON.stringify(schema.const));
    if (schema.type === 'boolean') ['true', 'false'].forEach((v) => values.add(v));
  }
  return [...values];
}

export interface FieldSummary {
  types: string[];
  values: string[];
  defaultValue?: string;
  range?: string;
  length?: string;
  pattern?: string;
  description?: string;
  /** By locale, when the schema has them: the hover picks the page's language. */
  descriptions?: Record<string, string>;
}

const span = (min?: number, max?: number) =>
  min === undefined && max === undefined
    ? undefined
    : max === undefined || max >= Number.MAX_SAFE_INTEGER
      ? `≥ ${min}`
      : min === undefined
        ? `≤ ${max}`
        : `${min}–${max}`;

/** What the schema says of a field: its types, fixed values, default, bounds and description. */
export function describeField(root: JsonSchema, path: readonly PathStep[]): FieldSummary | null {
  const schemas = schemasAt(root, path);
  if (schemas.length === 0) return null;
  const types = new Set<string>();
  const summary: FieldSummary = { types: [], values: valuesAt(root, path) };
  for (const schema of schemas) {
    const kind = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
    kind.forEach((k) => types.add(k));
    if (schema.default !== undefined) summary.defaultValue ??= JSON.stringify(schema.default);
    summary.range ??= span(schema.minimum, schema.maximum);
    summary.length ??= span(schema.minLength ?? schema.minItems, schema.maxLength ?? schema.maxItems);
    summary.pattern ??= schema.pattern;
    summary.description ??= schema.description ?? schema.title;
    summary.descriptions ??= schema['x-description'];
  }
  summary.types = [...types];
  return summary;
}
