import type { TFunction } from 'i18next';
import { routeHref } from '@/state/route';

export function formatDate(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export function formatShortDate(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(ms);
}

export function formatDay(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(ms);
}

export function formatDuration(ms: number, t: TFunction<'review'>): string {
  const total = Math.round(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return minutes ? t('duration.ms', { minutes, seconds }) : t('duration.short', { seconds });
}

export const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

/** `yyyy-mm-dd` from a date input → local midnight (start) or the last millisecond of that day (end). */
export function dayBound(value: string, end: boolean): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return end ? new Date(y, m - 1, d + 1).getTime() - 1 : new Date(y, m - 1, d).getTime();
}

// The links are the router's, under the names the Review pages use.
export const traineeHref = routeHref.reviewTrainee;
export const attemptHref = routeHref.reviewAttempt;
