import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { loadNamespace } from '@/i18n/lazy-namespaces';
import { routeHref, type Route } from '@/state/route';
import { RegionBoundary } from './region-boundary';

// Each region is its own chunk, so the library does not pay for the debrief or the review.
const LibraryView = lazy(() =>
  import('@/features/library/library-view').then((m) => ({ default: m.LibraryView })),
);
const PlayView = lazy(() => import('@/features/play/play-view').then((m) => ({ default: m.PlayView })));
const DebriefView = lazy(() =>
  import('@/features/debrief/debrief-view').then((m) => ({ default: m.DebriefView })),
);
// For trainers: its strings load with it.
const AuthorView = lazy(async () => {
  const [view] = await Promise.all([import('@/features/author/author-view'), loadNamespace('author')]);
  return { default: view.AuthorView };
});
// LMS and LRS settings: for administrators and managers; its strings load with it.
const LmsView = lazy(async () => {
  const [view] = await Promise.all([import('@/features/lms/lms-view'), loadNamespace('lms')]);
  return { default: view.LmsView };
});

// A trainee's own history: its strings load with it, so the first download does not grow.
const ProgressView = lazy(async () => {
  const [view] = await Promise.all([import('@/features/progress/progress-view'), loadNamespace('progress')]);
  return { default: view.ProgressView };
});

// For managers: its strings load with it, not with the trainee's first download.
const ReviewView = lazy(async () => {
  const [view] = await Promise.all([import('@/features/review/review-view'), loadNamespace('review')]);
  return { default: view.ReviewView };
});

function NotFound() {
  const { t } = useTranslation('common');
  return (
    <section className="panel">
      <h1>{t('notFound.title')}</h1>
      <p>
        <a href={routeHref.library()}>{t('notFound.back')}</a>
      </p>
    </section>
  );
}

export function RouteView({ route }: { route: Route }) {
  switch (route.name) {
    case 'library':
      return (
        <RegionBoundary region="library">
          <LibraryView />
        </RegionBoundary>
      );
    case 'play':
      return (
        <RegionBoundary region="play">
          <PlayView scenarioId={route.scenarioId} />
        </RegionBoundary>
      );
    case 'debrief':
      return (
        <RegionBoundary region="debrief">
          <DebriefView attemptId={route.attemptId} />
        </RegionBoundary>
      );
    case 'review':
      return (
        <RegionBoundary region="review">
          <ReviewView {...(route.traineeId ? { traineeId: route.traineeId } : {})} />
        </RegionBoundary>
      );
    case 'review-attempt':
      return (
        <RegionBoundary region="review">
          <ReviewView attemptId={route.attemptId} />
        </RegionBoundary>
      );
    case 'progress':
      return (
        <RegionBoundary region="progress">
          <ProgressView />
        </RegionBoundary>
      );
    case 'author':
      return (
        <RegionBoundary region="author">
          <AuthorView />
        </RegionBoundary>
      );
    case 'lms':
      return (
        <RegionBoundary region="lms">
          <LmsView />
        </RegionBoundary>
      );
    default:
      return <NotFound />;
  }
}
