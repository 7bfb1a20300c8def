import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { routeKey, useRoute } from '@/state/route';
import { AppHeader } from './app-header';
import { bootLrs } from './lrs-boot';
import { RouteView } from './route-view';

export function App() {
  const { t } = useTranslation('common');
  const route = useRoute();
  const key = routeKey(route);
  const mainRef = useRef<HTMLElement>(null);
  const firstRoute = useRef(true);

  // Statements go to an LRS only when one is configured: only then is the xAPI code fetched.
  useEffect(bootLrs, []);

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
