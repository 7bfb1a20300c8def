import fc from 'fast-check';
import { loadScenario } from '@/engine/load/load-scenario';
import {
  addNode,
  addResponse,
  applyChanges,
  editNode,
  readNode,
  type Json,
  type NodePath,
} from '@/state/author-node-edit';
import { fakeScenario } from '../fakes/scenario';

const pretty = () => JSON.stringify(fakeScenario(), null, 2);

/** The file style of the shipped scenarios: short text maps and rule lists on one line. */
const compact = `{
  "schemaVersion": 1,
  "id": "tiny",
  "version": 1,
  "locales": ["zh-CN", "en"],
  "title": { "zh-CN": "小", "en": "Tiny" },
  "brief": { "zh-CN": "简介", "en": "Brief" },
  "channel": "phone",
  "customer": {
    "name": { "zh-CN": "王先生", "en": "Mr Wang" },
    "persona": "victim",
    "temperament": "impatient",
    "mood": { "anger": 70, "trust": 30 }
  },
  "start": "opening",
  "nodes": {
    "opening": {
      "say": { "zh-CN": "喂？", "en": "Hello?" },
      "responses": [
        {
          "id": "greet",
          "text": { "zh-CN": "您好", "en": "Good afternoon" },
          "rules": { "etiquette.greeting": 1 },
          "mood": { "trust": 2 },
          "next": "done"
        }
      ]
    },
    "done": { "ending": { "outcome": "resolved" } }
  }
}
`;

const changedLines = (before: string, after: string) => {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
};

const edit = (text: string, id: string, path: NodePath, value: Json | undefined) =>
  applyChanges(text, editNode(text, id, path, value));

describe('readNode', () => {
  it('reads the customer line, responses, rules, mood, flags and promise of a node', () => {
    const read = readNode(pretty(), 'opening');
    expect(read.state).toBe('ok');
    if (read.state !== 'ok') return;
    expect(read.locales).toEqual(['en', 'zh-CN']);
    expect(read.nodeIds).toContain('facts');
    expect(read.node.say).toEqual({
      kind: 'map',
      texts: { en: 'Where is my parcel?', 'zh-CN': '我的包裹到底在哪儿？' },
    });
    const [greet] = read.node.responses;
    expect(greet).toMatchObject({
      id: 'greet',
      rules: { 'etiquette.greeting': 1, 'apology.sincere': 1 },
      mood: { anger: -10, trust: 10 },
      next: 'facts',
      flags: { set: [], unset: [], keep: [] },
      promise: null,
    });
  });

  it('says "fix the syntax first" for a syntax error, and reads on while other parts have errors', () => {
    expect(readNode(compact.replace('"phone",', '"phone"'), 'opening')).toEqual({ state: 'syntax' });
    // An unknown next and a wrong type elsewhere: the node is still read.
    const broken = compact
      .replace('"next": "done"', '"next": "nowhere"')
      .replace('"version": 1', '"version": "x"');
    const read = readNode(broken, 'opening');
    expect(read.state).toBe('ok');
    if (read.state === 'ok') expect(read.node.responses[0]!.next).toBe('nowhere');
    expect(readNode(compact, 'nope')).toMatchObject({ state: 'missing', nodeIds: ['opening', 'done'] });
    expect(readNode('[1]', 'opening')).toEqual({ state: 'no-nodes' });
  });

  it('reads an ending, say variants and a plain-string text', () => {
    const text = compact.replace(
      '"say": { "zh-CN": "喂？", "en": "Hello?" }',
      '"say": [{ "if": { "flag": "x" }, "text": "Hi" }]',
    );
    const read = readNode(text, 'opening');
    if (read.state !== 'ok') throw new Error(read.state);
    expect(read.node.say).toEqual({
      kind: 'variants',
      variants: [{ condition: '{"flag":"x"}', text: { kind: 'plain', text: 'Hi' } }],
    });
    const done = readNode(compact, 'done');
    if (done.state !== 'ok') throw new Error(done.state);
    expect(done.node.outcome).toBe('resolved');
    expect(done.node.responses).toEqual([]);
  });
});

describe('editNode', () => {
  it('changes one text in place: only its line differs', () => {
    const after = edit(compact, 'opening', ['responses', 0, 'text', 'en'], 'Good afternoon, "Yuanhang" here');
    expect(changedLines(compact, after)).toEqual({
      removed: ['          "text": { "zh-CN": "您好", "en": "Good afternoon" },'],
      added: ['          "text": { "zh-CN": "您好", "en": "Good afternoon, \\"Yuanhang\\" here" },'],
    });
  });

  it('adds a rule to a one-line rule list on the same line, and removes the list with its last rule', () => {
    const added = edit(compact, 'opening', ['responses', 0, 'rules', 'listening.acknowledge'], -1);
    expect(changedLines(compact, added).added).toEqual([
      '          "rules": { "etiquette.greeting": 1, "listening.acknowledge": -1 },',
    ]);
    const removed = edit(compact, 'opening', ['responses', 0, 'rules', 'etiquette.greeting'], undefined);
    expect(changedLines(compact, removed)).toEqual({
      removed: ['          "rules": { "etiquette.greeting": 1 },'],
      added: [],
    });
  });

  it('adds a new member on a line of its own, in the file indentation (tabs and CRLF kept)', () => {
    const after = edit(compact, 'opening', ['responses', 0, 'set'], ['asked-name']);
    expect(changedLines(compact, after)).toEqual({
      removed: ['          "next": "done"'],
      added: ['          "next": "done",', '          "set": ["asked-name"]'],
    });
    const tabbed = JSON.stringify(fakeScenario(), null, '\t').replace(/\n/g, '\r\n');
    const out = edit(tabbed, 'facts', ['responses', 0, 'promise'], {
      id: 'call-back',
      what: { en: 'Call back', 'zh-CN': '回电' },
      due: { turns: 2 },
    });
    expect(out).toContain(
      '\t\t\t\t\t"promise": {\r\n\t\t\t\t\t\t"id": "call-back",\r\n\t\t\t\t\t\t"what": { "en": "Call back", "zh-CN": "回电" },\r\n\t\t\t\t\t\t"due": { "turns": 2 }\r\n\t\t\t\t\t}',
    );
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('creates missing objects on the way (a locale for a text that has none)', () => {
    const after = edit(compact, 'done', ['say', 'en'], 'Thanks.');
    expect(JSON.parse(after).nodes.done).toEqual({ ending: { outcome: 'resolved' }, say: { en: 'Thanks.' } });
  });

  it('refuses a path through a value that is not an object', () => {
    const plain = compact.replace('"say": { "zh-CN": "喂？", "en": "Hello?" }', '"say": "Hello?"');
    expect(() => editNode(plain, 'opening', ['say', 'en'], 'x')).toThrow(/is a string/);
    expect(() => editNode(compact, 'nope', ['say'], 'x')).toThrow(/no node 'nope'/);
  });
});

describe('adding', () => {
  it('adds a response with a fresh id at the end of the list; the scenario still loads', () => {
    const read = readNode(compact, 'opening');
    if (read.state !== 'ok') throw new Error(read.state);
    const after = applyChanges(
      compact,
      addResponse(compact, read.node, { text: { 'zh-CN': '新', en: 'New' }, next: 'done' }),
    );
    const responses = JSON.parse(after).nodes.opening.responses;
    expect(responses).toHaveLength(2);
    expect(responses[1]).toEqual({ id: 'reply-2', text: { 'zh-CN': '新', en: 'New' }, next: 'done' });
    expect(loadScenario(after).ok).toBe(true);
  });

  it('adds a node with an unused id, linked from a response, in one set of changes', () => {
    const text = pretty();
    const ids = Object.keys(fakeScenario().nodes);
    const { id, changes } = addNode(text, [...ids, `node-${ids.length + 1}`], {
      say: { en: 'And then?', 'zh-CN': '然后呢？' },
      response: { text: { en: 'Then this.', 'zh-CN': '然后这样。' }, next: 'facts' },
      link: { nodeId: 'opening', response: 1 },
    });
    expect(ids).not.toContain(id);
    expect(id).toBe(`node-${ids.length + 2}`);
    const after = applyChanges(text, changes);
    const doc = JSON.parse(after);
    expect(doc.nodes.opening.responses[1].next).toBe(id);
    expect(doc.nodes[id]).toEqual({
      say: { en: 'And then?', 'zh-CN': '然后呢？' },
      responses: [{ id: 'reply-1', text: { en: 'Then this.', 'zh-CN': '然后这样。' }, next: 'facts' }],
    });
    expect(loadScenario(after).ok).toBe(true);
    const ending = addNode(compact, ['opening', 'done'], { say: 'Bye', ending: 'resolved' });
    expect(JSON.parse(applyChanges(compact, ending.changes)).nodes[ending.id]).toEqual({
      say: 'Bye',
      ending: { outcome: 'resolved' },
    });
  });
});

// ---- property: an edit changes the targeted value and nothing else ----

const word = fc.string({ minLength: 1, maxLength: 12 });
const locale = fc.constantFrom('en', 'zh-CN', 'fr');
const ruleId = fc.constantFrom('etiquette.greeting', 'apology.sincere', 'listening.acknowledge');

/** A value to write at a path of a response, matching what the form writes there. */
const responseEdit: fc.Arbitrary<{ path: NodePath; value: Json | undefined }> = fc.oneof(
  fc.record({ path: locale.map((l) => ['text', l]), value: word }),
  fc.record({
    path: ruleId.map((r) => ['rules', r]),
    value: fc.option(fc.constantFrom(-3, -1, 1, 2), { nil: undefined }),
  }),
  fc.record({
    path: fc.constantFrom('anger', 'trust').map((k) => ['mood', k]),
    value: fc.option(fc.integer({ min: -100, max: 100 }), { nil: undefined }),
  }),
  fc.record({ path: fc.constant(['next']), value: word }),
  fc.record({
    path: fc.constantFrom('set', 'unset', 'keep').map((k) => [k]),
    value: fc.option(fc.array(word, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  }),
  fc.record({
    path: fc.constant(['promise']),
    value: fc.option(
      fc.record({ id: word, what: fc.dictionary(locale, word), due: fc.record({ turns: fc.nat(9) }) }),
      {
        nil: undefined,
      },
    ),
  }),
);

/** What the edit should do to the parsed document: set the value, or delete it and any container it empties. */
function expected(
  doc: { nodes: Record<string, unknown> },
  nodeId: string,
  path: NodePath,
  value: Json | undefined,
) {
  const chain: Array<Record<string | number, unknown>> = [doc.nodes[nodeId] as Record<string, unknown>];
  for (const segment of path.slice(0, -1)) {
    const at = chain[chain.length - 1]!;
    at[segment] ??= {};
    chain.push(at[segment] as Record<string, unknown>);
  }
  const last = path[path.length - 1]!;
  if (value !== undefined) {
    chain[chain.length - 1]![last] = value;
    return;
  }
  delete chain[chain.length - 1]![last];
  for (let d = chain.length - 1; d >= 2; d -= 1) {
    const key = path[d - 1]!;
    if (Object.keys(chain[d]!).length > 0 || !['rules', 'mood'].includes(String(key))) break;
    delete chain[d - 1]![key];
  }
}

describe('property', () => {
  it('an edit changes only the targeted value, in any file layout', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<number | string>(2, 4, '\t'),
        fc.boolean(),
        fc.constantFrom('opening', 'facts'),
        fc.nat(1),
        responseEdit,
        (indent, crlf, nodeId, index, { path, value }) => {
          let text = JSON.stringify(fakeScenario(), null, indent);
          if (crlf) text = text.replace(/\n/g, '\r\n');
          const full = ['responses', index, ...path];
          const after = applyChanges(text, editNode(text, nodeId, full, value));
          const want = JSON.parse(text);
          expected(want, nodeId, full, value);
          expect(JSON.parse(after)).toEqual(want);
          // Every line ending stays the file's own.
          if (crlf) expect(after.replace(/\r\n/g, '')).not.toContain('\n');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('edits in the compact layout keep every other line byte-identical', () => {
    fc.assert(
      fc.property(locale, word, (l, value) => {
        const after = edit(compact, 'opening', ['say', l], value);
        const { removed, added } = changedLines(compact, after);
        expect(removed).toEqual(['      "say": { "zh-CN": "喂？", "en": "Hello?" },']);
        expect(added).toHaveLength(1);
        expect(JSON.parse(after).nodes.opening.say[l]).toBe(value);
      }),
    );
  });
});
