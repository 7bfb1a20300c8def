import { useSyncExternalStore } from 'react';

// Hash routes keep the app a static bundle (no server rewrites) and make every view linkable.
export type Route =
  | { name: 'library' }
  | { name: 'play'; scenarioId: string }
  | { name: 'debrief'; attemptId: string }
  /** With `traineeId`: that trainee's page (`#/review?trainee=<id>`). */
  | { name: 'review'; traineeId?: string }
  | { name: 'review-attempt'; attemptId: string }
  /** With `node`: that node selected (`#/author?node=<id>`), e.g. back from a preview. */
  | { name: 'author'; node?: string }
  | { name: 'lms' }
  /** The current trainee's own attempts and what to practise next. */
  | { name: 'progress' }
  | { name: 'not-found'; path: string };

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decode);
  const [head, second, third] = parts;
  if (parts.length === 0) return { name: 'library' };
  if (head === 'play' && second && parts.length === 2) return { name: 'play', scenarioId: second };
  if (head === 'debrief' && second && parts.length === 2) return { name: 'debrief', attemptId: second };
  if (head === 'review' && parts.length === 1) {
    const traineeId = new URLSearchParams(query).get('trainee');
    return traineeId ? { name: 'review', traineeId } : { name: 'review' };
  }
  if (head === 'review' && second === 'attempt' && third && parts.length === 3)
    return { name: 'review-attempt', attemptId: third };
  if (head === 'author' && parts.length === 1) {
    const node = new URLSearchParams(query).get('node');
    return node ? { name: 'author', node } : { name: 'author' };
  }
  if (head === 'lms' && parts.length === 1) return { name: 'lms' };
  if (head === 'progress' && parts.length === 1) return { name: 'progress' };
  return { name: 'not-found', path };
}

export const routeHref = {
  library: () => '#/',
  play: (scenarioId: string) => `#/play/${encodeURIComponent(scenarioId)}`,
  debrief: (attemptId: string) => `#/debrief/${encodeURIComponent(attemptId)}`,
  review: () => '#/review',
  reviewTrainee: (traineeId: string) => `#/review?trainee=${encodeURIComponent(traineeId)}`,
  reviewAttempt: (attemptId: string) => `#/review/attempt/${encodeURIComponent(attemptId)}`,
  author: (node?: string | null) => (node ? `#/author?node=${encodeURIComponent(node)}` : '#/author'),
  lms: () => '#/lms',
  progress: () => '#/progress',
};

export function navigate(href: string): void {
  if (window.location.hash === href) return;
  window.location.hash = href;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

/** The current route; re-renders on hash changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash, () => '');
  return parseHash(hash);
}

/** A stable key per route, used to reset error boundaries and focus on navigation. */
export function routeKey(route: Route): string {
  switch (route.name) {
    case 'play':
      return `play:${route.scenarioId}`;
    case 'debrief':
      return `debrief:${route.attemptId}`;
    case 'review-attempt':
      return `review:${route.attemptId}`;
    case 'not-found':
      return `nf:${route.path}`;
    default:
      return route.name;
  }
}
