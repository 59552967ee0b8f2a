import './loginGate.css';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, getJson, sendJson } from '../api/client';
import { ApiErrorText } from './ApiErrorText';
import { clearSignedInData } from './signedInData';

export type SessionRole = 'admin' | 'staff' | 'planner';

/** The logged-in user as GET /api/auth/me returns it. */
export interface SessionUser {
  id: number;
  email: string;
  role: SessionRole;
}

/** The logged-in user, or null (a 401 is an answer, not an error). Query key ['me'] is shared app-wide. */
export function useSession() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async ({ signal }) => {
      try {
        return (await getJson<{ user: SessionUser }>('/api/auth/me', {}, signal)).user;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 5 * 60 * 1000,
    retry: false,
  });
}

/** Logs out and forgets every cached answer that only a logged-in user could see. */
export function useLogoutSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<{ ok: true }>('POST', '/api/auth/logout'),
    onSettled: async () => {
      await clearSignedInData(qc);
      void qc.invalidateQueries();
    },
  });
}

/** Email + password login; a wrong password, a lock-out (with its wait) and other errors read in the UI language. */
function LoginForm({ intro }: { intro?: string }) {
  const { t } = useTranslation(['auth', 'errors']);
  const qc = useQueryClient();
  const login = useMutation({
    mutationFn: (body: { email: string; password: string }) => sendJson<{ user: SessionUser }>('POST', '/api/auth/login', body),
    onSuccess: (res) => qc.setQueryData(['me'], res.user),
  });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ email, password });
  };
  const err = login.error;
  const wrong = err instanceof ApiError && err.status === 401;
  return (
    <form className="card stack login-gate" onSubmit={onSubmit} noValidate aria-labelledby="login-gate-title">
      <h1 id="login-gate-title">{t('title')}</h1>
      <p className="muted">{intro ?? t('intro')}</p>
      <div className="field">
        <label htmlFor="login-gate-email">{t('email')}</label>
        <input id="login-gate-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={wrong || undefined} />
      </div>
      <div className="field">
        <label htmlFor="login-gate-password">{t('password')}</label>
        <input id="login-gate-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={wrong || undefined} />
      </div>
      {err && (
        <p role="alert" className="error-text">
          <ApiErrorText error={err} context="login" labels={{ email: t('email'), password: t('password') }} />
        </p>
      )}
      <button type="submit" className="btn" disabled={login.isPending || !email || !password}>
        {login.isPending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}

/**
 * Shows `children(user)` to a logged-in user whose role is in `roles` (admin always passes), a compact
 * login form to anonymous visitors (with the page's own `intro`, if given), and otherwise `denied(user)`
 * or a plain "no access" note.
 */
export function LoginGate({ roles, children, intro, denied }: {
  roles: SessionRole[];
  children: (user: SessionUser) => ReactNode;
  intro?: string;
  denied?: (user: SessionUser) => ReactNode;
}) {
  const { t } = useTranslation('auth');
  const me = useSession();
  if (me.isPending) return <p className="muted">{t('common:loading')}</p>;
  if (me.isError) return <p role="alert" className="error-text"><ApiErrorText error={me.error} /></p>;
  if (!me.data) return <LoginForm intro={intro} />;
  const user = me.data;
  if (user.role !== 'admin' && !roles.includes(user.role)) {
    return denied ? <>{denied(user)}</> : <p className="card">{t('noAccess', { email: user.email, role: t(`role.${user.role}`) })}</p>;
  }
  return <>{children(user)}</>;
}

/** "Logged in as …" with a log-out button, for the top of a staff page. */
export function SessionBar({ user }: { user: SessionUser }) {
  const { t } = useTranslation('auth');
  const logout = useLogoutSession();
  return (
    <div className="row session-bar no-print">
      <span className="muted">{t('signedInAs', { email: user.email })}</span>
      <button type="button" className="btn btn--ghost btn--small" onClick={() => logout.mutate()} disabled={logout.isPending}>
        {t('logout')}
      </button>
    </div>
  );
}
