import type { Scenario } from '../format/scenario-schema';
import { diag, toPointer, type Diagnostic } from './diagnostic';
import { didYouMean } from './suggest';

export type Locate = (path: Array<string | number>) => { line: number; column: number } | null;

/** Every `next`, `otherwise` and `start` names a node; every node is one kind; response ids are unique. */
export function checkReferences(scenario: Scenario, at: Locate): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = Object.keys(scenario.nodes);
  const known = new Set(ids);
  // Paths are built only for problems: this runs over every edge of a 10,000-node file.
  const ref = (target: string, pathOf: () => Array<string | number>) => {
    if (known.has(target)) return;
    const path = pathOf();
    out.push(
      diag(
        'E_UNKNOWN_NODE',
        `no node called '${target}'`,
        toPointer(path),
        at(path),
        didYouMean(target, ids),
      ),
    );
  };
  ref(scenario.start, () => ['start']);
  for (const id of ids) {
    const node = scenario.nodes[id]!;
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
    node.when?.forEach((branch, i) => ref(branch.next, () => [...base, 'when', i, 'next']));
    if (node.otherwise) ref(node.otherwise, () => [...base, 'otherwise']);
    node.responses?.forEach((response, i) => {
      ref(response.next, () => [...base, 'responses', i, 'next']);
      if (node.responses!.findIndex((r) => r.id === response.id) < i) {
        const p = [...base, 'responses', i, 'id'];
        out.push(
          diag(
            'E_DUPLICATE_ID',
            `response id '${response.id}' is used twice in node '${id}'`,
            toPointer(p),
            at(p),
          ),
        );
      }
    });
  }
  return out;
}
