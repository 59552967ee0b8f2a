import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ApiErrorText } from '../../shared/ApiErrorText';
import { useCreateUser, useUpdateUser, useUsers } from './api';
import { formatDate } from './format';
import type { Role, User } from './types';

const ROLES: Role[] = ['staff', 'planner', 'admin'];

/** Admin only: the accounts, adding one with a role, changing a role or disabling an account. */
export function UsersPage({ me }: { me: User }) {
  const { t, i18n } = useTranslation('staff');
  const users = useUsers(true);
  const create = useCreateUser();
  const update = useUpdateUser();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('staff');
  const [created, setCreated] = useState<string | null>(null);
  const err = create.error instanceof ApiError ? create.error : null;
  const labels = { email: t('auth:email'), password: t('users.password'), role: t('users.role') };
  const errFor = (f: string) => (err && err.field === f ? <ApiErrorText error={err} labels={labels} /> : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { email, password, role },
      {
        onSuccess: (res) => {
          setCreated(res.user.email);
          setEmail('');
          setPassword('');
        },
      },
    );
  };
  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="users-title">
        <h1 id="users-title">{t('users.title')}</h1>
        {users.isPending ? <p className="muted">{t('common:loading')}</p>
        : users.isError ? (
          <p role="alert" className="error-text">
            <ApiErrorText error={users.error} />
          </p>
        ) : (
          <ul className="point-rows">
            {users.data.map((u) => (
              <li key={u.id} className="user-row">
                <span className="user-row__email">{u.email}</span>
                {u.created_at && <span className="muted small">{t('users.since', { date: formatDate(u.created_at, i18n.language) })}</span>}
                {u.disabled && <span className="badge badge--bad">{t('users.disabled')}</span>}
                {u.id === me.id ? (
                  <span className="badge badge--good">
                    {t(`roles.${u.role}`)} · {t('users.you')}
                  </span>
                ) : (
                  <>
                    <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                      {t('users.roleOf', { email: u.email })}
                    </label>
                    <select id={`role-${u.id}`} value={u.role} disabled={update.isPending} onChange={(e) => update.mutate({ id: u.id, patch: { role: e.target.value as Role } })}>
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`roles.${r}`)}
                        </option>
                      ))}
                    </select>
                  </>
                )}
                {u.id !== me.id && (
                  <button type="button" className="btn btn--ghost btn--small" disabled={update.isPending} onClick={() => update.mutate({ id: u.id, patch: { disabled: !u.disabled } })}>
                    {u.disabled ? t('users.enable') : t('users.disable')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {update.isError && (
          <p role="alert" className="error-text">
            <ApiErrorText error={update.error} />
          </p>
        )}
      </section>
      <form className="card stack" onSubmit={submit} noValidate aria-labelledby="add-user-title">
        <h2 id="add-user-title">{t('users.add')}</h2>
        <div className="field">
          <label htmlFor="nu-email">{t('auth:email')}</label>
          <input id="nu-email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={errFor('email') ? true : undefined} aria-describedby={errFor('email') ? 'nu-email-err' : undefined} />
          {errFor('email') && <p id="nu-email-err" className="error-text">{errFor('email')}</p>}
        </div>
        <div className="field">
          <label htmlFor="nu-password">{t('users.password')}</label>
          <input id="nu-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={errFor('password') ? true : undefined} aria-describedby="nu-password-hint" />
          <p id="nu-password-hint" className={errFor('password') ? 'error-text' : 'muted small'}>
            {errFor('password') ?? t('users.passwordHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="nu-role">{t('users.role')}</label>
          <select id="nu-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)} — {t(`roleHelp.${r}`)}
              </option>
            ))}
          </select>
        </div>
        {create.isError && !errFor('email') && !errFor('password') && (
          <p role="alert" className="error-text">
            <ApiErrorText error={create.error} labels={labels} />
          </p>
        )}
        {created && !create.isError && (
          <p role="status" className="saved-note">
            {t('users.created', { email: created })}
          </p>
        )}
        <div>
          <button type="submit" className="btn" disabled={create.isPending || !email || !password}>
            {t('users.addButton')}
          </button>
        </div>
      </form>
    </div>
  );
}
