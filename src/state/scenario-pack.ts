import { parseTree } from 'jsonc-parser';
import type { Scenario } from '@/engine/format/scenario-schema';
import { loadScenario } from '@/engine/load/load-scenario';

// Loaded with the Library's import panel and the Author view's publish button only (its chunk is
// on-demand-browser-library, vite.config.ts), with the full loader for located errors.

/**
 * A scenario pack: several scenario files in one, for importing into a browser's library.
 * `{ "format": "composure-scenario-pack", "version": 1, "scenarios": [ <scenario>, … ] }`; each
 * element is a scenario exactly as its own file would hold it. A plain scenario file is read as well.
 */
export const PACK_FORMAT = 'composure-scenario-pack';
export const PACK_VERSION = 1;

export interface PackInput {
  name: string;
  text: string;
}

export interface PackScenario {
  scenario: Scenario;
  /** The scenario's own JSON text (for a pack element, that element as written). */
  text: string;
  /** The file name, and the element for a pack: `pack.json#2` (1-based). */
  source: string;
}

/** Where an import went wrong: line and column in that file, 1-based (null when not located). */
export interface PackProblem {
  file: string;
  line: number | null;
  column: number | null;
  message: string;
}

export type PackRead = { ok: true; scenarios: PackScenario[] } | { ok: false; problems: PackProblem[] };

/** 1-based line and column of an offset in text. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function isPack(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return (
      typeof value === 'object' && value !== null && (value as { format?: unknown }).format === PACK_FORMAT
    );
  } catch {
    return false; // not JSON: the scenario loader locates the syntax error
  }
}

/** The pack's elements, each with its text and where it starts in the pack; or what is wrong. */
function packElements(input: PackInput): Array<{ text: string; offset: number }> | PackProblem {
  const tree = parseTree(input.text);
  const property = (key: string) =>
    tree?.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
  const version = property('version');
  const list = property('scenarios');
  const at = (offset: number, message: string): PackProblem => ({
    file: input.name,
    ...position(input.text, offset),
    message,
  });
  if (version?.value !== PACK_VERSION)
    return at(
      version?.offset ?? 0,
      `"version" must be ${PACK_VERSION} (this app reads pack version ${PACK_VERSION})`,
    );
  if (list?.type !== 'array') return at(list?.offset ?? 0, '"scenarios" must be a list of scenarios');
  if (!list.children?.length) return at(list.offset, '"scenarios" is empty');
  return list.children.map((node) => ({
    text: input.text.slice(node.offset, node.offset + node.length),
    offset: node.offset,
  }));
}

/**
 * Reads files chosen for import (scenario files or packs): every scenario validated with the engine's
 * loader, its errors located in the file as chosen (a pack element's lines are the pack's lines).
 * All or nothing: one bad file, or two scenarios with one id, and nothing is returned to add.
 */
export function readPack(files: readonly PackInput[]): PackRead {
  const scenarios: PackScenario[] = [];
  const problems: PackProblem[] = [];
  for (const file of files) {
    const pack = isPack(file.text);
    const elements = pack ? packElements(file) : [{ text: file.text, offset: 0 }];
    if (!Array.isArray(elements)) {
      problems.push(elements);
      continue;
    }
    elements.forEach((element, i) => {
      const source = pack ? `${file.name}#${i + 1}` : file.name;
      const start = position(file.text, element.offset);
      const loaded = loadScenario(element.text);
      if (!loaded.ok) {
        for (const d of loaded.diagnostics.filter((x) => x.severity === 'error'))
          problems.push({
            file: file.name,
            // Lines inside the element, moved to where the element starts in the file.
            line: d.line === null ? start.line : start.line + d.line - 1,
            column: d.column === null ? null : d.line === 1 ? start.column + d.column - 1 : d.column,
            message: pack ? `scenario ${i + 1}: ${d.message}` : d.message,
          });
        return;
      }
      const twin = scenarios.find((s) => s.scenario.id === loaded.scenario.id);
      if (twin)
        problems.push({
          file: file.name,
          ...start,
          message: `the scenario id '${loaded.scenario.id}' is also used by ${twin.source}`,
        });
      else scenarios.push({ scenario: loaded.scenario, text: element.text, source });
    });
  }
  return problems.length ? { ok: false, problems } : { ok: true, scenarios };
}
