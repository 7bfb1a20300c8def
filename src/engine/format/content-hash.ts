/**
 * The hashing scheme below (canonical JSON, two FNV-1a lanes, 16 hex digits). Stored beside hashes
 * (export bundles carry it) so data hashed by a future scheme can be told apart instead of reading as
 * "unknown scenario" everywhere. Any change to `canonicalJson` or `contentHash` output bumps it;
 * test/engine/hash-vectors.test.ts pins the current outputs.
 */
export const HASH_VERSION = 1;

/**
 * Stable identity of a JSON value: canonical JSON (sorted keys) hashed with two FNV-1a 32-bit lanes.
 * Synchronous so the engine can use it in Node, a worker or the browser; it names a version,
 * it is not a security signature.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

export function contentHash(value: unknown): string {
  const text = canonicalJson(value);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c ^ (i & 0xff), 0x01000193 + 2);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
