import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useLogin } from './api';

/** Email + password login. 401 and 429 get their own plain-language messages. */
export function LoginForm() {
  const { t } = useTranslation('staff');
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ email, password });
  };
  const err = login.error;
  const message =
    !err ? null
    : err instanceof ApiError && err.status === 401 ? t('login.wrong')
    : err instanceof ApiError && err.status === 429 ? t('login.tooMany')
    : err instanceof ApiError && err.status === 400 ? t('login.invalid', { message: err.message })
    : t('common:error', { message: err.message });
  return (
    <form className="card stack login" onSubmit={onSubmit} noValidate aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p className="muted">{t('login.intro')}</p>
      <div className="field">
        <label htmlFor="login-email">{t('login.email')}</label>
        <input id="login-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={err instanceof ApiError && err.status === 401 ? true : undefined} />
      </div>
      <div className="field">
        <label htmlFor="login-password">{t('login.password')}</label>
        <input id="login-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      {message && (
        <p role="alert" className="error-text">
          {message}
        </p>
      )}
      <button type="submit" className="btn" disabled={login.isPending || !email || !password}>
        {login.isPending ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
