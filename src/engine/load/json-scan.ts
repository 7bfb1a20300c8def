// Reading valid JSON text (text JSON.parse accepted) by character codes, to find where a value or a
// key sits without building a syntax tree. Strings are skipped inline, a character at a time: most
// are a few characters long, where a call to indexOf per string costs more than it saves.

export const QUOTE = 34;
export const BACKSLASH = 92;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;
export const COLON = 58;
export const COMMA = 44;

export function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
    i += 1;
  }
}

/** Just past the string whose opening quote is at `i`. */
export function skipString(text: string, i: number): number {
  const end = text.length;
  for (let j = i + 1; j < end; j += 1) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) return j + 1;
    // An escape is two characters or more (\uXXXX): the one after the backslash is never the end.
    if (c === BACKSLASH) j += 1;
  }
  return end;
}

/** Just past the value starting at `i`. */
export function skipValue(text: string, i: number): number {
  const end = text.length;
  const c = text.charCodeAt(i);
  if (c === QUOTE) return skipString(text, i);
  if (c !== OPEN_BRACE && c !== OPEN_BRACKET) {
    let j = i;
    while (j < end) {
      const d = text.charCodeAt(j);
      if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || d <= 32) return j;
      j += 1;
    }
    return end;
  }
  let depth = 0;
  for (let j = i; j < end; j += 1) {
    const d = text.charCodeAt(j);
    if (d === QUOTE) {
      for (j += 1; j < end; j += 1) {
        const s = text.charCodeAt(j);
        if (s === QUOTE) break;
        if (s === BACKSLASH) j += 1;
      }
    } else if (d === OPEN_BRACE || d === OPEN_BRACKET) depth += 1;
    else if ((d === CLOSE_BRACE || d === CLOSE_BRACKET) && --depth === 0) return j + 1;
  }
  return end;
}

/** The key whose quoted text runs from `start` to `end`: its escapes decoded, if it has any. */
export function keyAt(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.indexOf('\\') < 0 ? raw : (JSON.parse(text.slice(start, end)) as string);
}

/** The offset of the value of the member whose key's opening quote is at `key`. */
export function valueAfterKey(text: string, key: number): number {
  return skipSpace(text, skipSpace(text, skipString(text, key)) + 1);
}

/** The first member of the object or array opening at `at` (-1 when empty), or -2 when no container opens there. */
export function firstMember(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c !== OPEN_BRACE && c !== OPEN_BRACKET) return -2;
  const first = skipSpace(text, at + 1);
  return text.charCodeAt(first) === (c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET) ? -1 : first;
}

/** The member after the value starting at `value` (-1 after the last). */
export function nextMember(text: string, value: number): number {
  const end = skipSpace(text, skipValue(text, value));
  return text.charCodeAt(end) === COMMA ? skipSpace(text, end + 1) : -1;
}
