import { useTranslation } from 'react-i18next';
import { useLogout } from './api';
import { staffHref, type StaffView } from './nav';
import type { User } from './types';

/** Who is logged in (and as what), the logout button and the staff sub-navigation. */
export function StaffBar({ user, view }: { user: User; view: StaffView }) {
  const { t } = useTranslation('staff');
  const logout = useLogout();
  const tabs: { view: StaffView; label: string }[] = [
    { view: 'points', label: t('tabs.points') },
    { view: 'recheck', label: t('tabs.recheck') },
    { view: 'import', label: t('tabs.import') },
    { view: 'reports', label: t('tabs.reports') },
    ...(user.role === 'admin' ? [{ view: 'users' as const, label: t('tabs.users') }] : []),
  ];
  const current = view === 'edit' || view === 'new' ? 'points' : view;
  return (
    <div className="staff-bar">
      <div className="staff-bar__who">
        <span>
          {t('loggedInAs')} <strong className="staff-bar__email">{user.email}</strong>
        </span>
        <span className="badge badge--good">{t(`roles.${user.role}`)}</span>
        <button type="button" className="btn btn--ghost btn--small" onClick={() => logout.mutate()} disabled={logout.isPending}>
          {t('logout')}
        </button>
      </div>
      {user.role !== 'planner' && (
        <nav className="staff-tabs" aria-label={t('tabs.label')}>
          {tabs.map((tab) => (
            <a key={tab.view} href={staffHref(tab.view)} aria-current={current === tab.view ? 'page' : undefined}>
              {tab.label}
            </a>
          ))}
        </nav>
      )}
    </div>
  );
}
