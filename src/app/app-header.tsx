import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '@/i18n/i18n';
import { LANGUAGES } from '@/i18n/language';
import { routeHref, type Route } from '@/state/route';
import './app-header.css';

export function AppHeader({ route }: { route: Route }) {
  const { t } = useTranslation('common');
  const reviewActive = route.name === 'review' || route.name === 'review-attempt';
  const libraryActive = route.name === 'library';
  const authorActive = route.name === 'author';
  const lmsActive = route.name === 'lms';
  const progressActive = route.name === 'progress';
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <a className="brand" href={routeHref.library()}>
          <svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28">
            <circle cx="16" cy="16" r="15" fill="currentColor" />
            <path d="M10 19c3 3 9 3 12 0" stroke="#fff" strokeWidth="2.5" fill="none" strokeLinecap="round" />
          </svg>
          <span>{t('appName')}</span>
        </a>
        <nav aria-label={t('nav.label')} className="app-nav">
          <a href={routeHref.library()} aria-current={libraryActive ? 'page' : undefined}>
            {t('nav.library')}
          </a>
          <a href={routeHref.progress()} aria-current={progressActive ? 'page' : undefined}>
            {t('nav.progress')}
          </a>
          <a href={routeHref.review()} aria-current={reviewActive ? 'page' : undefined}>
            {t('nav.review')}
          </a>
          <a href={routeHref.author()} aria-current={authorActive ? 'page' : undefined}>
            {t('nav.author')}
          </a>
          <a href={routeHref.lms()} aria-current={lmsActive ? 'page' : undefined}>
            {t('nav.lms')}
          </a>
        </nav>
        <label className="lang-switch">
          <span>{t('language.label')}</span>
          <select
            data-testid="language-switch"
            value={currentLanguage()}
            onChange={(event) => changeLanguage(event.target.value)}
          >
            {LANGUAGES.map((lng) => (
              <option key={lng} value={lng} lang={lng}>
                {t(`language.names.${lng}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
