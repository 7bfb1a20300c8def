import { describe, expect, it } from 'vitest';
import { loadScenario } from '@/engine/load/load-scenario';
import { fakeCallbackCall } from '../fakes/callback-call';

const text = (value: unknown) => JSON.stringify(value, null, 2);
const codes = (r: { diagnostics: Array<{ code: string }> }) => r.diagnostics.map((d) => d.code);

describe('loadScenario', () => {
  it('loads a valid scenario from text and from an object', () => {
    const scenario = fakeCallbackCall();
    expect(loadScenario(text(scenario)).ok).toBe(true);
    expect(loadScenario(scenario).ok).toBe(true);
  });

  it('reports an unknown next id with its line, column and a did-you-mean hint', () => {
    const scenario = fakeCallbackCall();
    scenario.nodes.opening!.responses![0]!.next = 'fatcs';
    const source = text(scenario);
    const result = loadScenario(source);
    expect(result.ok).toBe(false);
    const d = result.diagnostics.find((x) => x.code === 'E_UNKNOWN_NODE')!;
    expect(d.path).toBe('/nodes/opening/responses/0/next');
    expect(d.hint).toBe("did you mean 'facts'?");
    const line = source.split('\n')[d.line! - 1]!;
    expect(line.slice(d.column! - 1)).toMatch(/^"fatcs"/);
  });

  it('locates JSON syntax errors', () => {
    const result = loadScenario('{\n  "schemaVersion": 1,\n  "id": "x",\n}');
    expect(codes(result)).toContain('E_JSON_SYNTAX');
    expect(result.diagnostics[0]!.line).toBe(4);
  });

  it('suggests the nearest field for a misspelt one', () => {
    const { nodes, ...rest } = fakeCallbackCall();
    const result = loadScenario(text({ ...rest, nodez: nodes }));
    const d = result.diagnostics.find((x) => x.code === 'E_UNKNOWN_FIELD')!;
    expect(d.hint).toBe("did you mean 'nodes'?");
    expect(d.line).toBeGreaterThan(1);
  });

  it('names the closest allowed value for a wrong enum', () => {
    const scenario = { ...fakeCallbackCall(), channel: 'phnoe' };
    const d = loadScenario(scenario).diagnostics[0]!;
    expect(d).toMatchObject({ code: 'E_INVALID_VALUE', path: '/channel', hint: "did you mean 'phone'?" });
  });

  it('refuses a file from a newer format with a clear message', () => {
    const result = loadScenario({ ...fakeCallbackCall(), schemaVersion: 9 });
    expect(codes(result)).toEqual(['E_SCHEMA_VERSION_NEWER']);
    expect(result.diagnostics[0]!.message).toMatch(/newer Composure/);
  });

  it('migrates format 0 (choices, tag lists, flags) and says so', () => {
    const v1 = fakeCallbackCall();
    const v0 = JSON.parse(text(v1));
    v0.schemaVersion = 0;
    const opening = v0.nodes.opening;
    opening.choices = opening.responses.map((r: Record<string, unknown>) => ({
      ...r,
      rules: undefined,
      tags: Object.keys(r.rules as object),
    }));
    delete opening.responses;
    const result = loadScenario(v0);
    expect(result.ok).toBe(true);
    expect(codes(result)).toContain('I_MIGRATED');
    if (result.ok)
      expect(result.scenario.nodes.opening!.responses![1]!.rules).toEqual({
        'etiquette.greeting': 1,
        'etiquette.no-blame': 1,
      });
  });

  it('refuses __proto__ and constructor keys without polluting anything', () => {
    const source = text(fakeCallbackCall()).replace(
      '"nodes": {',
      '"nodes": {"__proto__": {"polluted": true},',
    );
    const result = loadScenario(source);
    expect(codes(result)).toContain('E_FORBIDDEN_KEY');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(codes(loadScenario({ ...fakeCallbackCall(), constructor: { prototype: {} } }))).toContain(
      'E_FORBIDDEN_KEY',
    );
  });

  it('rejects a node that is neither a turn, a branch nor an ending', () => {
    const scenario = fakeCallbackCall();
    scenario.nodes.resolved = { say: 'hm' };
    expect(codes(loadScenario(scenario))).toContain('E_NODE_KIND');
  });

  it('rejects duplicate response ids in a node', () => {
    const scenario = fakeCallbackCall();
    scenario.nodes.opening!.responses![1]!.id = 'greet-apologise';
    expect(codes(loadScenario(scenario))).toContain('E_DUPLICATE_ID');
  });

  it('refuses oversized and absurdly nested text before parsing it', () => {
    expect(codes(loadScenario('['.repeat(100_000)))).toEqual(['E_TOO_DEEP']);
    expect(codes(loadScenario(' '.repeat(5_000_001)))).toEqual(['E_TOO_LARGE']);
  });

  it('reports invalid conditions where they are', () => {
    const scenario = fakeCallbackCall();
    (scenario.nodes.facts!.when![0] as unknown as { if: unknown }).if = { angr: { gte: 90 } };
    const d = loadScenario(scenario).diagnostics[0]!;
    expect(d.path).toMatch(/^\/nodes\/facts\/when\/0\/if/);
  });
});

describe('condition diagnostics', () => {
  it('names a misspelt condition key and suggests the right one', () => {
    const scenario = fakeCallbackCall();
    (scenario.nodes.facts!.when![0] as unknown as { if: unknown }).if = { angr: { gte: 90 } };
    const d = loadScenario(JSON.stringify(scenario, null, 2)).diagnostics[0]!;
    expect(d).toMatchObject({
      code: 'E_UNKNOWN_FIELD',
      path: '/nodes/facts/when/0/if',
      hint: "did you mean 'anger'?",
    });
    expect(d.line).toBeGreaterThan(1);
  });

  it('says a condition has one key when it has two', () => {
    const scenario = fakeCallbackCall();
    (scenario.nodes.facts!.when![0] as unknown as { if: unknown }).if = {
      anger: { gte: 90 },
      trust: { lt: 5 },
    };
    expect(loadScenario(scenario).diagnostics[0]).toMatchObject({
      code: 'E_SHAPE',
      hint: 'combine several with "all" or "any"',
    });
  });
});

describe('forbidden keys on the fast path', () => {
  it('refuses a node called constructor or prototype, and deep conditions go to the guard', () => {
    for (const id of ['constructor', 'prototype']) {
      const scenario = JSON.parse(JSON.stringify(fakeCallbackCall()));
      scenario.nodes[id] = { ending: { outcome: 'resolved' } };
      scenario.nodes.opening.responses[0].next = id;
      const result = loadScenario(JSON.stringify(scenario));
      expect(result.ok, id).toBe(false);
      expect(result.diagnostics.map((d) => d.code)).toContain('E_FORBIDDEN_KEY');
    }
    let deep: unknown = { anger: { gte: 90 } };
    for (let i = 0; i < 40; i += 1) deep = { all: [deep] };
    const scenario = JSON.parse(JSON.stringify(fakeCallbackCall()));
    scenario.nodes.facts.when[0].if = deep;
    expect(loadScenario(JSON.stringify(scenario)).diagnostics.map((d) => d.code)).toContain('E_TOO_DEEP');
  });
});
