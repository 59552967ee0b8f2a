import './loginGate.css';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, getJson, sendJson } from '../api/client';

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
    onSettled: () => {
      qc.setQueryData(['me'], null);
      void qc.invalidateQueries();
    },
  });
}

function LoginForm() {
  const { t } = useTranslation('auth');
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
  const message =
    !err ? null
    : err instanceof ApiError && err.status === 401 ? t('wrong')
    : err instanceof ApiError && err.status === 429 ? t('tooMany')
    : err instanceof ApiError && err.status === 400 ? t('invalid', { message: err.message })
    : t('common:error', { message: err.message });
  return (
    <form className="card stack login-gate" onSubmit={onSubmit} noValidate aria-labelledby="login-gate-title">
      <h1 id="login-gate-title">{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <div className="field">
        <label htmlFor="login-gate-email">{t('email')}</label>
        <input id="login-gate-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="login-gate-password">{t('password')}</label>
        <input id="login-gate-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      {message && <p role="alert" className="error-text">{message}</p>}
      <button type="submit" className="btn" disabled={login.isPending || !email || !password}>
        {login.isPending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}

/**
 * Shows `children(user)` to a logged-in user whose role is in `roles` (admin always passes), a compact
 * login form to anonymous visitors, and a plain "no access" note otherwise.
 */
export function LoginGate({ roles, children }: { roles: SessionRole[]; children: (user: SessionUser) => ReactNode }) {
  const { t } = useTranslation('auth');
  const me = useSession();
  if (me.isPending) return <p className="muted">{t('common:loading')}</p>;
  if (me.isError) return <p role="alert" className="error-text">{t('common:error', { message: me.error.message })}</p>;
  if (!me.data) return <LoginForm />;
  const user = me.data;
  if (user.role !== 'admin' && !roles.includes(user.role)) {
    return <p className="card">{t('noAccess', { email: user.email, role: t(`role.${user.role}`) })}</p>;
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
