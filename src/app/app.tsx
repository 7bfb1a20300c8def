import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { loadNamespace } from '@/i18n/lazy-namespaces';
import { routeKey, useRoute } from '@/state/route';
import { AppHeader } from './app-header';
import { bootLrs, bootScorm, isCmi5Launch } from './lrs-boot';
import { RouteView } from './route-view';

// Only for a cmi5 launch: the panel, the launch code and its strings load with it.
const LaunchPanel = lazy(async () => {
  const [panel] = await Promise.all([import('@/features/lms/lms-launch-panel'), loadNamespace('lms')]);
  return { default: panel.LaunchPanel };
});
const LAUNCH_SEARCH = isCmi5Launch() ? globalThis.location.search : null;

export function App() {
  const { t } = useTranslation('common');
  const route = useRoute();
  const key = routeKey(route);
  const mainRef = useRef<HTMLElement>(null);
  const firstRoute = useRef(true);

  // Statements go to an LRS only when one is configured: only then is the xAPI code fetched.
  useEffect(bootLrs, []);
  useEffect(bootScorm, []);

  // Move focus to the new page on navigation so screen-reader and keyboard users start at the top.
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
  }, [key]);

  return (
    <>
      <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
        {t('skipToContent')}
      </button>
      <AppHeader route={route} />
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        {LAUNCH_SEARCH !== null ? (
          <Suspense fallback={null}>
            <LaunchPanel search={LAUNCH_SEARCH} />
          </Suspense>
        ) : null}
        <Suspense
          fallback={
            <p className="loading" role="status">
              {t('loading')}
            </p>
          }
        >
          <RouteView key={key} route={route} />
        </Suspense>
      </main>
      <footer className="app-footer">
        <p>{t('footer')}</p>
      </footer>
    </>
  );
}
