/** Where a practice branch comes from: the attempt it replays, and the turn it answers differently. */
export interface PracticeLink {
  of: string;
  fromTurn: number;
}

// The play store and the draft closer (another tab, a later visit) both turn a branch's draft into
// a record, and neither knows it is practice: the link waits here, by attempt id, until the record
// is built. localStorage, not memory, so a reload or another tab still marks the branch.
const KEY = 'composure.practice-links';
/** Branches are started one at a time by hand; the oldest links go once there are more than this. */
const KEEP = 20;

type Links = Record<string, PracticeLink>;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function read(): Links {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Links) : {};
  } catch {
    return {};
  }
}

export function rememberPracticeLink(attemptId: string, link: PracticeLink): void {
  const links = Object.entries({ ...read(), [attemptId]: link }).slice(-KEEP);
  try {
    storage()?.setItem(KEY, JSON.stringify(Object.fromEntries(links)));
  } catch {
    // Storage blocked: the branch still plays, and is saved as an ordinary attempt.
  }
}

/** The link of a branch being played, or undefined; a malformed entry reads as none. */
export function practiceLinkOf(attemptId: string): PracticeLink | undefined {
  const links = read();
  const link = Object.hasOwn(links, attemptId) ? links[attemptId] : undefined;
  return link && typeof link.of === 'string' && Number.isInteger(link.fromTurn) && link.fromTurn >= 1
    ? { of: link.of, fromTurn: link.fromTurn }
    : undefined;
}
