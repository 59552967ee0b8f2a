import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from './shared/Layout';
import { OfflineBanner } from './shared/OfflineBanner';
import { useHashRoute } from './shared/useHashRoute';
import { ROUTES, routeFor } from './routes';

// The worker's "next visits near you" section sits under the finder on the home page.
const NextVisits = lazy(() => import('./features/visits/NextVisits'));

/** The shell: header, nav and the page for the current hash route. */
export default function App() {
  const { t } = useTranslation();
  const { path } = useHashRoute();
  const route = routeFor(path);
  const staffArea = route?.audience === 'staff';
  const nav = (staffArea ? ROUTES : ROUTES.filter((r) => r.audience === 'public')).filter((r) => !r.hidden);
  const Page = route?.component;
  return (
    <Layout nav={nav} current={path} banner={<OfflineBanner />}>
      <Suspense fallback={<p className="muted page-loading">{t('loading')}</p>}>{Page ? <Page /> : <p>{t('notFound')}</p>}
        {path === '/' && <NextVisits />}
      </Suspense>
    </Layout>
  );
}
