import './staff.css';
import { useTranslation } from 'react-i18next';
import { useHashRoute } from '../../shared/useHashRoute';
import { LoginGate } from '../../shared/LoginGate';
import { StaffBar } from './StaffBar';
import { PointsList } from './PointsList';
import { PointEditor } from './PointEditor';
import { ImportPage } from './ImportPage';
import { ReportsQueue } from './ReportsQueue';
import { RecheckQueue } from './RecheckQueue';
import { UsersPage } from './UsersPage';
import type { StaffView } from './nav';
import type { PointFilter, User } from './types';

const FILTERS: PointFilter[] = ['all', 'approximate', 'stale', 'retired'];

/** The staff workspace: the shared login, then points, import/export, reports and (admins) users. */
export default function Page() {
  const { t } = useTranslation('staff');
  return (
    <LoginGate
      roles={['staff']}
      intro={t('loginIntro')}
      denied={(user) => (
        <div className="stack">
          <StaffBar user={user} view="points" />
          <p className="card">{t('plannerNoAccess')}</p>
        </div>
      )}
    >
      {(user) => <Workspace user={user} />}
    </LoginGate>
  );
}

function Workspace({ user }: { user: User }) {
  const { query } = useHashRoute();
  const view = (query.get('view') ?? 'points') as StaffView;
  const id = Number(query.get('id'));
  const filterParam = query.get('filter') as PointFilter | null;
  const filter: PointFilter = filterParam && FILTERS.includes(filterParam) ? filterParam : 'all';
  return (
    <div className="stack staff">
      <StaffBar user={user} view={view} />
      {view === 'edit' && Number.isInteger(id) && id > 0 ? <PointEditor key={id} id={id} />
      : view === 'new' ? <PointEditor key="new" id={null} />
      : view === 'recheck' ? <RecheckQueue />
      : view === 'import' ? <ImportPage />
      : view === 'reports' ? <ReportsQueue />
      : view === 'users' && user.role === 'admin' ? <UsersPage me={user} />
      : <PointsList filter={filter} q={query.get('q') ?? ''} />}
    </div>
  );
}
