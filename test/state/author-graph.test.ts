import type { Scenario } from '@/engine/format/scenario-schema';
import { runAuthorCheck } from '@/state/author-check';
import { graphLayout } from '@/features/author/graph-layout';
import { graphModel, pathElements, shorten } from '@/state/author-graph';
import { fakeRubric, fakeScenario } from '../fakes/scenario';

/** The fake call with an automatic branch after "shrug", an orphan turn and a loop with no way out. */
function branched(): Scenario {
  const s = fakeScenario();
  s.nodes.facts!.responses![1]!.next = 'gate';
  s.nodes.gate = { when: [{ if: { flag: 'angry' }, next: 'lost' }], otherwise: 'close' };
  s.nodes.orphan = {
    say: { en: 'Nobody ever gets here.' },
    responses: [{ id: 'x', text: 'x', next: 'resolved' }],
  };
  s.nodes.limbo = { say: 'Round and round', responses: [{ id: 'again', text: 'Again', next: 'limbo' }] };
  return s;
}

const byId = (model: ReturnType<typeof graphModel>) => new Map(model.nodes.map((n) => [n.id, n]));

describe('graphModel', () => {
  it('gives each node its kind, the outcome of endings and the line in the chosen language', () => {
    const nodes = byId(graphModel(branched(), { best: null, worst: null }, 'zh-CN'));
    expect(nodes.get('opening')).toMatchObject({ kind: 'turn', start: true, text: '我的包裹到底在哪儿？' });
    expect(nodes.get('gate')).toMatchObject({ kind: 'branch', start: false });
    expect(nodes.get('resolved')).toMatchObject({ kind: 'ending', outcome: 'resolved', text: '谢谢。' });
    expect(nodes.get('lost')).toMatchObject({ kind: 'ending', outcome: 'customer-lost' });
  });

  it('marks unreachable nodes and dead ends from the engine graph', () => {
    const nodes = byId(graphModel(branched(), { best: null, worst: null }, 'en'));
    expect([...nodes.values()].filter((n) => n.unreachable).map((n) => n.id)).toEqual(['orphan', 'limbo']);
    expect([...nodes.values()].filter((n) => n.deadEnd).map((n) => n.id)).toEqual(['limbo']);
  });

  it('labels response edges with their shortened text and rule verdicts, and branches by kind', () => {
    const model = graphModel(branched(), { best: null, worst: null }, 'en');
    const edges = new Map(model.edges.map((e) => [e.id, e]));
    expect(edges.get('opening>greet')).toMatchObject({
      source: 'opening',
      target: 'facts',
      kind: 'response',
      text: 'Good morning, I am sorr…',
      met: ['etiquette.greeting', 'apology.sincere'],
      violated: [],
    });
    expect(edges.get('opening>blame')).toMatchObject({ met: [], violated: ['etiquette.no-blame'] });
    expect(edges.get('gate>when1')).toMatchObject({ kind: 'when', branch: 1, target: 'lost' });
    expect(edges.get('gate>otherwise')).toMatchObject({ kind: 'otherwise', target: 'close' });
  });

  it('leaves out arrows to nodes that do not exist', () => {
    const s = fakeScenario();
    s.nodes.close!.responses![1]!.next = 'nowhere';
    const model = graphModel(s, { best: null, worst: null }, 'en');
    expect(model.edges.find((e) => e.id === 'close>bye')).toBeUndefined();
    expect(model.edges.some((e) => e.id === 'close>keep')).toBe(true);
  });

  it("highlights the check's own best and worst paths, nodes and edges", () => {
    const scenario = fakeScenario();
    const check = runAuthorCheck(JSON.stringify(scenario), fakeRubric());
    const summary = check.summary!;
    expect(summary.best && summary.worst).toBeTruthy();
    const model = graphModel(check.scenario!, summary, 'en');
    const best = model.edges.filter((e) => e.best).map((e) => e.id);
    const worst = model.edges.filter((e) => e.worst).map((e) => e.id);
    expect(best).toEqual(summary.best!.steps.map((s) => `${s.node}>${s.responseId}`));
    expect(worst).toEqual(summary.worst!.steps.map((s) => `${s.node}>${s.responseId}`));
    expect(worst).toEqual(['opening>blame']);
    const nodes = byId(model);
    expect(nodes.get('lost')).toMatchObject({ worst: true, best: false });
    expect(nodes.get('resolved')).toMatchObject({ best: true, worst: false });
    expect(nodes.get('opening')).toMatchObject({ best: true, worst: true });
  });

  it('follows a path through automatic branches to the next turn or the ending', () => {
    const s = branched();
    const path = {
      steps: [
        { node: 'opening', responseId: 'greet' },
        { node: 'facts', responseId: 'shrug' },
        { node: 'close', responseId: 'bye' },
      ],
      overall: 40,
      passed: false,
      outcome: 'resolved' as const,
    };
    const { nodes, edges } = pathElements(s, path);
    expect([...edges]).toEqual(['opening>greet', 'facts>shrug', 'gate>otherwise', 'close>bye']);
    expect([...nodes].sort()).toEqual(['close', 'facts', 'gate', 'opening', 'resolved']);
  });

  it('lays out every node once, the start above what follows it', () => {
    const model = graphModel(branched(), { best: null, worst: null }, 'en');
    const at = graphLayout(model);
    expect(at.size).toBe(model.nodes.length);
    expect(at.get('opening')!.y).toBeLessThan(at.get('facts')!.y);
    expect(at.get('facts')!.y).toBeLessThan(at.get('close')!.y);
  });

  it('keeps the shape key when only texts change, so the layout is reused', () => {
    const a = graphModel(fakeScenario(), { best: null, worst: null }, 'en');
    const changed = fakeScenario();
    changed.nodes.opening!.say = 'Hello?';
    expect(graphModel(changed, { best: null, worst: null }, 'en').shapeKey).toBe(a.shapeKey);
    changed.nodes.close!.responses![1]!.next = 'lost';
    expect(graphModel(changed, { best: null, worst: null }, 'en').shapeKey).not.toBe(a.shapeKey);
  });

  it('shortens by characters, Chinese included', () => {
    expect(shorten('  a   b  ', 10)).toBe('a b');
    expect(shorten('我的包裹到底在哪儿', 5)).toBe('我的包裹…');
  });
});
