import type { Scenario } from '../format/scenario-schema';
import { diag, toPointer, type Diagnostic } from './diagnostic';
import { didYouMean } from './suggest';

export type Locate = (path: Array<string | number>) => { line: number; column: number } | null;

/** Every `next`, `otherwise` and `start` names a node; every node is one kind; response ids are unique. */
export function checkReferences(scenario: Scenario, at: Locate): Diagnostic[] {
  const out: Diagnostic[] = [];
  const nodes = scenario.nodes;
  const ids = Object.keys(nodes);
  // This runs over every edge of a 10,000-node file: look names up in the object itself (own keys
  // only), and build paths and messages only for problems.
  const known = (target: string) => Object.hasOwn(nodes, target);
  const unknown = (target: string, path: Array<string | number>) =>
    out.push(
      diag(
        'E_UNKNOWN_NODE',
        `no node called '${target}'`,
        toPointer(path),
        at(path),
        didYouMean(target, ids),
      ),
    );
  if (!known(scenario.start)) unknown(scenario.start, ['start']);
  for (let n = 0; n < ids.length; n += 1) {
    const id = ids[n]!;
    const node = nodes[id]!;
    const { responses, when, otherwise, ending } = node;
    if (ending || !responses || otherwise) kinds(id, node, at, out);
    if (when)
      for (let i = 0; i < when.length; i += 1)
        if (!known(when[i]!.next)) unknown(when[i]!.next, ['nodes', id, 'when', i, 'next']);
    if (otherwise && !known(otherwise)) unknown(otherwise, ['nodes', id, 'otherwise']);
    if (!responses) continue;
    for (let i = 0; i < responses.length; i += 1) {
      const response = responses[i]!;
      if (!known(response.next)) unknown(response.next, ['nodes', id, 'responses', i, 'next']);
      for (let j = 0; j < i; j += 1) {
        if (responses[j]!.id !== response.id) continue;
        const p = ['nodes', id, 'responses', i, 'id'];
        out.push(
          diag(
            'E_DUPLICATE_ID',
            `response id '${response.id}' is used twice in node '${id}'`,
            toPointer(p),
            at(p),
          ),
        );
        break;
      }
    }
  }
  return out;
}

/** A node is an ending, a customer turn (responses) or a pure branch (otherwise), never two of them. */
function kinds(id: string, node: Scenario['nodes'][string], at: Locate, out: Diagnostic[]) {
  const base = ['nodes', id];
  if (node.ending && (node.responses || node.otherwise)) {
    const kinds = [node.responses ? 'responses' : '', node.otherwise ? 'otherwise' : ''].filter(Boolean);
    out.push(
      diag('E_NODE_KIND', `an ending cannot also have ${kinds.join(' or ')}`, toPointer(base), at(base)),
    );
  } else if (!node.ending && !node.responses && !node.otherwise) {
    out.push(
      diag(
        'E_NODE_KIND',
        `node '${id}' has no responses, no 'otherwise' and is not an ending: the conversation would stop here`,
        toPointer(base),
        at(base),
        'add responses, an otherwise, or an ending',
      ),
    );
  } else if (node.otherwise && node.responses) {
    out.push(
      diag(
        'E_NODE_KIND',
        `'otherwise' is only for nodes without responses`,
        toPointer([...base, 'otherwise']),
        at([...base, 'otherwise']),
      ),
    );
  }
  if (node.ending && node.when)
    out.push(
      diag('E_NODE_KIND', `an ending cannot branch`, toPointer([...base, 'when']), at([...base, 'when'])),
    );
}
