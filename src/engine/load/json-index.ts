import {
  COLON,
  firstMember,
  keyAt,
  nextMember,
  OPEN_BRACE,
  skipSpace,
  skipString,
  valueAfterKey,
} from './json-scan';

/** A container's members found so far, and where to go on reading it. */
interface Container {
  object: boolean;
  /**
   * Object members: the offset of each key's opening quote (the first of duplicates). Most objects
   * are asked for one key or two: a short list until it grows, then a map.
   */
  names: string[] | null;
  starts: number[] | null;
  keys: Map<string, number> | null;
  /** Array items: the offset of each value. */
  items: number[] | null;
  /** Offset of the next member's first character, or -1 once the container is read to its end. */
  next: number;
}

/**
 * Offsets in valid JSON text, found as findNodeAtLocation would on the syntax tree (string segments
 * name object keys, the first of duplicates; numbers index arrays). A container a path passes
 * through is read only as far as the member asked for, skipping over the values before it, and
 * where it stopped is kept for the next path: however many paths are asked for, each container is
 * read once.
 */
export class JsonIndex {
  private readonly containers = new Map<number, Container>();

  constructor(private readonly text: string) {}

  offsetOf(path: ReadonlyArray<string | number>, preferKey: boolean): number | null {
    const text = this.text;
    let at = skipSpace(text, 0);
    let key = -1;
    for (const segment of path) {
      const container = this.containerAt(at);
      if (!container || container.object !== (typeof segment === 'string')) return null;
      if (typeof segment === 'string') {
        key = this.key(container, segment);
        if (key < 0) return null;
        at = valueAfterKey(text, key);
      } else {
        at = this.item(container, segment);
        if (at < 0) return null;
        key = -1;
      }
    }
    return preferKey && key >= 0 ? key : at;
  }

  private containerAt(at: number): Container | null {
    const first = firstMember(this.text, at);
    if (first === -2) return null;
    let found = this.containers.get(at);
    if (!found) {
      const object = this.text.charCodeAt(at) === OPEN_BRACE;
      found = { object, names: null, starts: null, keys: null, items: null, next: first };
      this.containers.set(at, found);
    }
    return found;
  }

  /** The offset of the key `name` in an object, reading on from where it stopped; -1 if absent. */
  private key(container: Container, name: string): number {
    const known = seen(container, name);
    if (known >= 0 || container.next < 0) return known;
    const text = this.text;
    let i = container.next;
    while (i >= 0) {
      const start = i;
      const keyEnd = skipString(text, i);
      const colon = skipSpace(text, keyEnd);
      if (text.charCodeAt(colon) !== COLON) break;
      i = nextMember(text, skipSpace(text, colon + 1));
      const key = keyAt(text, start, keyEnd);
      // Only the first of duplicate keys counts: a later one is never remembered or returned.
      if (seen(container, key) >= 0) continue;
      remember(container, key, start);
      if (key === name) {
        container.next = i;
        return start;
      }
    }
    container.next = -1;
    return -1;
  }

  /** The offset of the index-th item of an array, reading on from where it stopped; -1 if absent. */
  private item(container: Container, index: number): number {
    const items = (container.items ??= []);
    const text = this.text;
    for (let i = container.next; items.length <= index && i >= 0;) {
      items.push(i);
      i = nextMember(text, i);
      container.next = i;
    }
    return index < items.length ? items[index]! : -1;
  }
}

const SHORT = 16;

/** Where an object's key `name` starts, if it has been read already; else -1. */
function seen(container: Container, name: string): number {
  if (container.keys) return container.keys.get(name) ?? -1;
  const i = container.names?.indexOf(name) ?? -1;
  return i < 0 ? -1 : container.starts![i]!;
}

function remember(container: Container, name: string, start: number) {
  if (container.keys) {
    container.keys.set(name, start);
    return;
  }
  const names = (container.names ??= []);
  const starts = (container.starts ??= []);
  names.push(name);
  starts.push(start);
  if (names.length > SHORT) {
    container.keys = new Map(names.map((n, i) => [n, starts[i]!]));
    container.names = container.starts = null;
  }
}
