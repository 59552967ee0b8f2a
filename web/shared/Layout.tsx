import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../i18n';
import { useScrollCue } from './useScrollCue';

export interface NavItem {
  path: string;
  labelKey: string;
}

/** Header with the app name and language switch, a nav bar, and the main landmark. */
export function Layout({ nav, current, banner, children }: { nav: NavItem[]; current: string; banner?: ReactNode; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">{t('skipToContent')}</a>
      <header className="app-header">
        <a className="app-header__brand" href="#/">
          <span className="app-header__name">{t('appName')}</span>
          <span className="app-header__tagline">{t('tagline')}</span>
        </a>
        <div className="lang-switch" role="group" aria-label={t('language')}>
          {LANGUAGES.map((lang) => (
            <button key={lang} type="button" lang={lang} aria-pressed={i18n.language === lang} onClick={() => setLanguage(lang)}>
              {lang === 'id' ? 'ID' : 'EN'}
            </button>
          ))}
        </div>
      </header>
      {nav.length > 1 && <NavBar nav={nav} current={current} />}
      {banner}
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="app-footer">
        <a href="#/staff">{t('footer.staff')}</a>
        <a href="#/planner">{t('footer.planner')}</a>
        <a href="/api/docs">{t('footer.api')}</a>
        <p className="muted">{t('footer.data')}</p>
      </footer>
    </>
  );
}

/** The page links; when they overflow a narrow screen, a fade and an arrow show there are more to either side. */
function NavBar({ nav, current }: { nav: NavItem[]; current: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const cue = useScrollCue(ref, nav.map((n) => n.path).join());
  return (
    <div className={`app-nav-wrap${cue.left ? ' app-nav-wrap--more-left' : ''}${cue.right ? ' app-nav-wrap--more-right' : ''}`}>
      <nav ref={ref} className="app-nav" aria-label={t('menu')}>
        {nav.map((n) => (
          <a key={n.path} href={`#${n.path}`} aria-current={current === n.path ? 'page' : undefined}>
            {t(n.labelKey)}
          </a>
        ))}
      </nav>
      {cue.right && <span className="app-nav-wrap__cue app-nav-wrap__cue--right" aria-hidden="true">›</span>}
      {cue.left && <span className="app-nav-wrap__cue app-nav-wrap__cue--left" aria-hidden="true">‹</span>}
    </div>
  );
}
