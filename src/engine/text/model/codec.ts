/**
 * The weights' bucket indices, ascending, stored as gaps in base-64 digits of five bits each (the
 * sixth bit says another digit follows). Every character is then one small number, which gzip's
 * Huffman stage can shorten; raw 16-bit indices in base64 left it nothing to find (a quarter larger).
 */
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Map(Array.from(DIGITS, (c, i) => [c, i]));

export function encodeIndices(ascending: readonly number[]): string {
  let out = '';
  let previous = 0;
  for (const i of ascending) {
    let gap = i - previous;
    previous = i;
    while (gap >= 32) {
      out += DIGITS[32 + (gap & 31)];
      gap >>>= 5;
    }
    out += DIGITS[gap];
  }
  return out;
}

export function decodeIndices(text: string): number[] {
  const out: number[] = [];
  let previous = 0;
  let gap = 0;
  let shift = 0;
  for (const c of text) {
    const v = VALUE.get(c);
    if (v === undefined) throw new Error(`not an index digit: ${c}`);
    gap += (v & 31) * 2 ** shift;
    if (v >= 32) shift += 5;
    else {
      previous += gap;
      out.push(previous);
      gap = 0;
      shift = 0;
    }
  }
  return out;
}
