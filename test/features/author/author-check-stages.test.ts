import { runAuthorCheck } from '@/state/author-check';
import { fakeRubric, fakeScenario } from '../../fakes/scenario';

describe('runAuthorCheck, all stages at once', () => {
  it('reports a schema error and an unknown node in the same round', () => {
    const text = JSON.stringify(fakeScenario({ difficulty: 'extreme' as never }), null, 2).replace(
      '"next": "facts"',
      '"next": "fact"',
    );
    const check = runAuthorCheck(text, fakeRubric());
    const codes = check.diagnostics.map((d) => d.code);
    expect(codes).toContain('E_UNKNOWN_NODE');
    expect(codes.some((c) => c !== 'E_UNKNOWN_NODE')).toBe(true);
    const unknown = check.diagnostics.find((d) => d.code === 'E_UNKNOWN_NODE')!;
    expect(text.split('\n')[unknown.line! - 1]).toContain('"next": "fact"');
    expect(check.syntax).toBeNull();
  });

  it('names the cause of a syntax error', () => {
    const check = runAuthorCheck('{\n  "schemaVersion": 1，\n  "id": "x"\n}', fakeRubric());
    expect(check.diagnostics[0]!.code).toBe('E_JSON_SYNTAX');
    expect(check.syntax).toMatchObject({ kind: 'full-width', line: 2, column: 21 });
  });
});
