import type { Migration } from './prepare-document';

/**
 * Scenario format migrations, oldest first. Format 0 was the first sketch: responses were called
 * `choices`, rule tags were a list of ids (all counted as met) and flags lived under `flags`.
 */
export const SCENARIO_MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    to: 1,
    describe: "'choices' became 'responses', tag lists became rule maps, 'flags' became 'set'",
    migrate(doc) {
      const nodes = isRecord(doc.nodes) ? doc.nodes : {};
      const migratedNodes = Object.fromEntries(
        Object.entries(nodes).map(([id, node]) => {
          if (!isRecord(node)) return [id, node];
          const { choices, ...rest } = node;
          const responses = Array.isArray(choices) ? choices.map(migrateChoice) : rest.responses;
          return [id, responses === undefined ? rest : { ...rest, responses }];
        }),
      );
      return { ...doc, schemaVersion: 1, nodes: migratedNodes };
    },
  },
];

function migrateChoice(choice: unknown): unknown {
  if (!isRecord(choice)) return choice;
  const { tags, flags, ...rest } = choice;
  const rules = Array.isArray(tags)
    ? Object.fromEntries(tags.filter((t) => typeof t === 'string').map((t) => [t, 1]))
    : rest.rules;
  return {
    ...rest,
    ...(rules === undefined ? {} : { rules }),
    ...(flags === undefined ? {} : { set: flags }),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
